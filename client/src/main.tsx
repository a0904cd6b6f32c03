import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import './styles/app.css';
import './styles/comments.css';
import './styles/inbox.css';
import './styles/panel.css';
import './styles/review.css';
import './styles/versions.css';
import './styles/audit.css';
import './styles/unsaved.css';
import './styles/limits.css';
import './styles/datasets.css';
import './styles/workshop.css';
import './styles/coach.css';
import './styles/projector.css';
import './styles/layout.css';
import './styles/print.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
