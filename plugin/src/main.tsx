// First, before React and Fluent are evaluated: ask for the engagement's stream (startEarly.ts).
import './live/startEarly.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { HostProvider } from './host/HostProvider.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HostProvider>
      <App />
    </HostProvider>
  </StrictMode>,
);
