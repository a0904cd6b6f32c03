import { BrowserRouter, Route, Routes } from 'react-router';
import { IcpEditorPage } from '../editor/IcpEditorPage.js';
import { IcpListPage } from '../home/IcpListPage.js';
import { AccountPage } from '../features/account/AccountPage.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { AccountsPage } from '../features/datasets/AccountsPage.js';
import { DatasetsPage } from '../features/datasets/DatasetsPage.js';
import { SetupPage } from '../features/auth/SetupPage.js';
import { SignInPage } from '../features/auth/SignInPage.js';
import { SignUpPage } from '../features/auth/SignUpPage.js';
import { MeProvider } from '../features/identity/MeProvider.js';
import { IcpComparisonPage } from '../features/icpComparison/IcpComparisonPage.js';
import { InboxPage } from '../features/inbox/InboxPage.js';
import { InvitePage } from '../features/invites/InvitePage.js';
import { MembersPage } from '../features/members/MembersPage.js';
import { ComparePage } from '../features/versions/ComparePage.js';
import { VersionPage } from '../features/versions/VersionPage.js';
import { ProjectorPage } from '../features/workshop/ProjectorPage.js';
import { WorkshopSummaryPage } from '../features/workshop/WorkshopSummaryPage.js';
import { CreateWorkspacePage } from '../features/workspaces/CreateWorkspacePage.js';
import { HomeRedirect } from '../features/workspaces/HomeRedirect.js';
import { WorkspaceRoute } from '../features/workspaces/WorkspaceRoute.js';
import { ToastProvider } from '../ui/Toast.js';
import { AuthGate } from './AuthGate.js';
import { NotFoundPage } from './NotFoundPage.js';
import { RequireSignedIn } from './RequireSignedIn.js';

/** Providers and routes. Public: setup, sign-in, sign-up, invites. Everything else needs a session. */
export function App() {
  return (
    <BrowserRouter>
      <ToastProvider>
        <MeProvider>
          <AuthGate>
            <Routes>
              <Route path="/setup" element={<SetupPage />} />
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/sign-up" element={<SignUpPage />} />
              <Route path="/invite/:token" element={<InvitePage />} />
              <Route element={<RequireSignedIn />}>
                <Route path="/" element={<HomeRedirect />} />
                <Route path="/workspaces/new" element={<CreateWorkspacePage />} />
                <Route path="/w/:workspaceId" element={<WorkspaceRoute />}>
                  <Route index element={<IcpListPage />} />
                  <Route path="data" element={<DatasetsPage />} />
                  <Route path="data/:datasetId" element={<AccountsPage />} />
                  <Route path="members" element={<MembersPage />} />
                  <Route path="audit" element={<AuditPage />} />
                </Route>
                <Route path="/account" element={<AccountPage />} />
                <Route path="/inbox" element={<InboxPage />} />
                <Route path="/icp/:id" element={<IcpEditorPage />} />
                <Route path="/icp/:id/versions/:versionId" element={<VersionPage />} />
                <Route path="/icp/:id/compare" element={<ComparePage />} />
                <Route path="/icp/:id/compare-icp/:otherId" element={<IcpComparisonPage />} />
                <Route path="/icp/:id/workshop/projector" element={<ProjectorPage />} />
                <Route path="/icp/:id/workshops/:workshopId" element={<WorkshopSummaryPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </AuthGate>
        </MeProvider>
      </ToastProvider>
    </BrowserRouter>
  );
}
