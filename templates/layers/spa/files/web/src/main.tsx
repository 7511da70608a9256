import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// The entry point of the SPA (web/index.html loads it): the whole app is the <App> component of ./App.tsx.
const root = document.getElementById('root');
if (!root) throw new Error('web/index.html has no <div id="root">');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
