import '@fontsource-variable/inter';
import '@fontsource-variable/jetbrains-mono';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/shell.css';
// Each feature's styles live beside it but load here, in this order, with the first screen: the feature sheets
// refine one another's selectors (the projector's titles in live and decisions, buttons in five of them), so
// loading them with their lazy views would make the cascade depend on which view a person opened first.
import './features/teams/teams.css';
import './features/meetings/meetings.css';
import './features/series/series.css';
import './features/meetings/planner.css';
import './features/parking-lot/parking-lot.css';
import './features/backups/backups.css';
import './features/settings/settings.css';
import './features/live/live.css';
import './features/live/projector.css';
import './features/live/console-fit.css';
import './features/decisions/decisions.css';
import './features/decisions/positions.css';
import './features/decisions/decision-projector.css';
import './features/decisions/decision-log.css';
import './features/commitments/commitments.css';
import './features/meetings/minutes.css';
import './features/health/health.css';
import './features/agreements/agreements.css';
import './features/agreements/agreement-diff.css';
import './features/agreements/roles.css';
import './features/archive/archive.css';
// The form fields' sheet (beside ui/form/Field.tsx) loads here too, last as before: imported by the app's chunk, it
// made the app's import wait for one more stylesheet request before its code could run.
import './ui/form/field.css';
import { sendFirstReads } from './api/first-reads';
import { carriedTheme, startFailed } from './api/start-data';
import { loadDateDataAside } from './ui/format';

/** The app, its first reads sent ahead and its theme set first. */
function boot(): void {
  // The first reads leave before the app's code has loaded and run: on a cold start that code takes longer than they do.
  sendFirstReads();
  // The saved theme, from the settings the page carries, before anything is painted in the default one (the settings'
  // provider applies it again, and any change to it, once the app runs).
  const theme = carriedTheme();
  if (theme) document.documentElement.dataset.theme = theme;
  const app = import('./app/start-app');
  // The locale's date data loads on a thread of its own while the app's code is compiled and run on this one: the
  // first render's dates need it, and on this thread it would hold back that render by all its time (format.ts).
  loadDateDataAside();
  app
    .then(({ startApp }) => {
      startApp(document.getElementById('root')!);
      // The words the server put in the page while it updated the data (start-page.ts's startingBlock): the app is here now.
      document.getElementById('cadence-starting')?.remove();
    })
    .catch(() => {
      document.getElementById('root')!.textContent = 'Cadence could not load its code. Is `npm start` still running? Reload the page.';
    });
}

// A start whose update of the data failed ended the page with words that say what failed and what to do (start-page.ts's
// failedBlock): they stay alone, without the words that said the update was under way, and no app starts (it has no data).
if (startFailed()) document.getElementById('cadence-starting')?.remove();
else boot();
