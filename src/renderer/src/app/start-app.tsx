import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from '../api/query-cache';
import { seedStartAnswers } from '../api/start-cache';
import { startData } from '../api/start-data';
import { App } from './App';

/**
 * The app itself, loaded by the boot (main.tsx) once the first reads are on their way. The cache starts with the
 * answers the page carries (none in the desktop app, nor in a page opened without a sign-in address).
 */
export function startApp(root: HTMLElement): void {
  seedStartAnswers(queryClient, startData()?.reads ?? []);
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
