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
