import type { Config } from './env.js';
import type { Clock } from './clock.js';
import type { DatabaseHandle } from './db/database.js';
import type { IcpStore } from './db/icpStore.js';
import { ApiTokenStore } from './db/apiTokenStore.js';
import { AuditStore } from './db/auditStore.js';
import { CommentStore } from './db/commentStore.js';
import { DraftDigests } from './db/draftDigests.js';
import { FollowStore } from './db/followStore.js';
import { InboxStore } from './db/inboxStore.js';
import { InviteStore } from './db/inviteStore.js';
import { ReviewStore } from './db/reviewStore.js';
import { SettingsStore } from './db/settingsStore.js';
import { UpdateLog } from './db/updateLog.js';
import { UserStore } from './db/userStore.js';
import { VersionStore } from './db/versionStore.js';
import { WorkspaceStore } from './db/workspaceStore.js';
import { DatasetStore } from './db/datasetStore.js';
import { AccountStore } from './db/accountStore.js';
import { ColumnsCache } from './datasets/columnsCache.js';
import { CoachFigures } from './datasets/coachFigures.js';
import { ImportFiles } from './datasets/importFiles.js';
import { ImportRunner } from './datasets/importRunner.js';
import { DatasetCommands } from './commands/datasetCommands.js';
import { ScoringStore } from './db/scoringStore.js';
import { ScoringModels } from './scoring/scoringModels.js';
import { ScoringCommands } from './commands/scoringCommands.js';
import path from 'node:path';
import { AuthService } from './auth/authService.js';
import { Authenticator } from './auth/authenticator.js';
import { createBetterAuth } from './auth/betterAuth.js';
import { PasswordWork } from './auth/passwordWork.js';
import type { CollabEvents, LiveDrafts } from './collaboration/collabEvents.js';
import { StoredDrafts } from './collaboration/storedDrafts.js';
import { AccountCommands } from './commands/accountCommands.js';
import { AuditCommands } from './commands/auditCommands.js';
import { CommentCommands } from './commands/commentCommands.js';
import { InboxCommands } from './commands/inboxCommands.js';
import { IcpCommands } from './commands/icpCommands.js';
import { ComparisonCommands } from './commands/comparisonCommands.js';
import { NegativeIcps } from './scoring/negativeIcps.js';
import { InviteCommands } from './commands/inviteCommands.js';
import { MemberCommands } from './commands/memberCommands.js';
import { ReviewCommands } from './commands/reviewCommands.js';
import { TokenCommands } from './commands/tokenCommands.js';
import { VersionCommands } from './commands/versionCommands.js';
import { WorkshopCommands } from './commands/workshopCommands.js';
import { WorkshopStore } from './db/workshopStore.js';
import { CoachStore } from './db/coachStore.js';
import { ContributionStore } from './db/contributionStore.js';
import { CoachCommands } from './commands/coachCommands.js';
import { AccessLoader } from './policies/accessLoader.js';

/** The stores and account services, shared by the HTTP app and the admin CLI. */
export async function createServices(database: DatabaseHandle, config: Config, clock: Clock, icps: IcpStore) {
  const { db } = database;
  const settings = new SettingsStore(db);
  const users = new UserStore(db);
  const workspaces = new WorkspaceStore(db, clock);
  const invites = new InviteStore(db, clock);
  const tokens = new ApiTokenStore(db, clock);
  const comments = new CommentStore(db, clock);
  const inbox = new InboxStore(db, clock);
  const follows = new FollowStore(db, clock);
  const versions = new VersionStore(db, clock);
  const reviews = new ReviewStore(db, clock);
  const audit = new AuditStore(db, clock);
  const betterAuth = createBetterAuth({
    db,
    dialect: database.dialect,
    secret: await settings.authSecret(),
    baseURL: config.publicUrl ?? `http://localhost:${config.port}`,
    trustedOrigins: config.publicOrigins,
  });
  const auth = new AuthService(betterAuth);
  const authenticator = new Authenticator(auth, tokens, users);
  const datasets = new DatasetStore(db, clock);
  const accountsData = new AccountStore(db, database.dialect);
  const importFiles = new ImportFiles(path.join(config.dataDir, 'imports'));
  const columns = new ColumnsCache(accountsData);
  const imports = new ImportRunner(
    db,
    datasets,
    accountsData,
    importFiles,
    columns,
    audit,
    clock,
    database.dialect,
  );
  const workshops = new WorkshopStore(db);
  const coach = new CoachStore(db);
  const contributions = new ContributionStore(db);
  const coachFigures = new CoachFigures(datasets, columns, versions, reviews);
  const access = new AccessLoader(workspaces, icps, comments, versions, datasets, workshops);
  const scorings = new ScoringStore(db, icps);
  const negatives = new NegativeIcps(icps, reviews, versions);
  return {
    settings,
    users,
    workspaces,
    invites,
    tokens,
    comments,
    inbox,
    follows,
    versions,
    reviews,
    audit,
    auth,
    authenticator,
    access,
    datasets,
    scorings,
    /** What the workspace's negative ICPs (approved versions) disqualify in every other ICP. */
    negatives,
    workshops,
    contributions,
    /** Runs account imports in this process (resumed at start, awaited at shutdown). */
    imports,
    /** Bounds concurrent password hashing in this process (sign-in, sign-up, password changes). */
    passwordWork: new PasswordWork(),
    /**
     * Commands that also notify open sockets and reach live drafts: the collaboration server, or
     * (the CLI) no sockets and drafts straight from the update log.
     */
    commands(
      events: CollabEvents,
      drafts: LiveDrafts = new StoredDrafts(new UpdateLog(db, clock, database.dialect)),
    ) {
      const log = new UpdateLog(db, clock, database.dialect);
      const icpCommands = new IcpCommands(
        db,
        icps,
        reviews,
        events,
        clock,
        new DraftDigests(db),
        audit,
        drafts,
        log,
      );
      const models = new ScoringModels(versions, reviews, drafts, negatives);
      const scoring = new ScoringCommands(models, scorings, datasets, accountsData, clock);
      const versionCommands = new VersionCommands(
        db,
        icps,
        versions,
        reviews,
        audit,
        drafts,
        events,
        workshops,
        coach,
        contributions,
        coachFigures,
      );
      return {
        accounts: new AccountCommands(db, auth, users, workspaces, settings),
        members: new MemberCommands(db, workspaces, users, events, audit),
        invites: new InviteCommands(db, invites, workspaces, users, clock, audit),
        tokens: new TokenCommands(tokens, events),
        icps: icpCommands,
        versions: versionCommands,
        reviews: new ReviewCommands(
          db,
          icps,
          versions,
          reviews,
          comments,
          audit,
          icpCommands,
          inbox,
          follows,
          workspaces,
          events,
        ),
        audit: new AuditCommands(audit, icps),
        coach: new CoachCommands(db, coach, contributions, events, audit, clock),
        workshops: new WorkshopCommands(
          db,
          workshops,
          workspaces,
          comments,
          inbox,
          versionCommands,
          drafts,
          events,
          audit,
          clock,
        ),
        comments: new CommentCommands(db, comments, inbox, follows, workspaces, events, audit),
        inbox: new InboxCommands(db, inbox, events),
        datasets: new DatasetCommands(
          db,
          datasets,
          accountsData,
          importFiles,
          imports,
          columns,
          audit,
          clock,
        ),
        scoring,
        comparisons: new ComparisonCommands(drafts, datasets, scoring, models),
      };
    },
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
