import { CadenceMark } from '../ui/icons';
import type { ConnectionState } from '../api/client';

const WHY: Partial<Record<ConnectionState, { title: string; detail?: string }>> = {
  'not-signed-in': { title: 'This browser is not signed in to Cadence.' },
  'address-used': { title: 'This sign-in address has been used or has expired.', detail: 'Each address works once, for 10 minutes.' },
  'session-ended': {
    title: 'Your session has ended.',
    detail: 'A session lasts 12 hours after you last used Cadence, and signing out ends it in every window.',
  },
  'signed-out': { title: 'You are signed out.' },
};

/**
 * The browser mode's way back in. The words match what the server's terminal does: it prints a
 * fresh address when Enter is pressed there (tests/e2e/session.spec.ts presses it).
 */
export function SignedOutPage({ state }: { state: ConnectionState }) {
  const why = WHY[state] ?? WHY['not-signed-in']!;
  return (
    <main className="signed-out" aria-labelledby="signed-out-heading">
      <CadenceMark />
      <h1 id="signed-out-heading">{why.title}</h1>
      {why.detail && <p>{why.detail}</p>}
      <p>To sign in again:</p>
      <ol>
        <li>
          Go to the terminal where <code>npm start</code> runs and press <kbd>Enter</kbd>. Cadence prints a fresh sign-in address.
        </li>
        <li>Open that address in this browser. Nothing you entered is lost: it is all in the database on this computer.</li>
      </ol>
      <p>
        If <code>npm start</code> is no longer running, start it again: it prints a new address when it is ready.
      </p>
    </main>
  );
}
