import '@fontsource-variable/inter';
import '@fontsource-variable/jetbrains-mono';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/shell.css';
import './styles/teams.css';
import './styles/planning.css';
import './styles/live.css';
import './styles/decisions.css';
import './styles/minutes.css';
import './styles/health.css';
import './styles/agreements.css';
import './styles/agreement-diff.css';
import './styles/roles.css';
import './styles/archive.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/query-cache';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
