import { BrowserRouter, Route, Routes } from 'react-router';
import { HomePage } from './home/HomePage.js';
import { IcpEditorPage } from './editor/IcpEditorPage.js';
import { ToastProvider } from './ui/Toast.js';
import { Logo } from './ui/Logo.js';

export function App() {
  return (
    <BrowserRouter>
      <ToastProvider>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/icp/:id" element={<IcpEditorPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </ToastProvider>
    </BrowserRouter>
  );
}

function NotFound() {
  return (
    <div className="app-shell">
      <header className="topbar">
        <Logo />
      </header>
      <main className="home">
        <h1>Page not found</h1>
        <p className="muted">There is nothing at this address.</p>
      </main>
    </div>
  );
}
