import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from '../api/query-cache';
import { firstAnswers } from '../api/first-reads';
import { seedStartAnswers } from '../api/start-cache';
import { App } from './App';

/**
 * The app itself, loaded by the boot (main.tsx) once the first reads are on their way. The cache starts with the
 * first reads' answers that are in: those the page carries (a page a sign-in address opened), and those main has
 * answered while the app's code loaded (on a cold load, all of them): the first render shows the screen with its
 * data, rather than an empty one that renders and lays out again as the answers land a task later.
 */
export function startApp(root: HTMLElement): void {
  seedStartAnswers(queryClient, firstAnswers());
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
