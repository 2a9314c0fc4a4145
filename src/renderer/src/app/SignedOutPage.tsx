import { CadenceMark } from '../ui/icons';
import type { ConnectionState } from '../api/client';

const WHY: Partial<Record<ConnectionState, string>> = {
  'not-signed-in': 'This browser is not signed in to Cadence.',
  'address-used': 'This sign-in address has been used or has expired. Each address works once, for 10 minutes.',
  'session-ended': 'Your session has ended: it lasts 12 hours after you last used Cadence, and signing out ends it.',
  'signed-out': 'You are signed out.',
};

/**
 * The browser mode's way back in. The words match what the server's terminal does: it prints a
 * fresh address when Enter is pressed there (tests/e2e/session.spec.ts presses it).
 */
export function SignedOutPage({ state }: { state: ConnectionState }) {
  return (
    <main className="signed-out" aria-labelledby="signed-out-heading">
      <CadenceMark />
      <h1 id="signed-out-heading">{WHY[state] ?? WHY['not-signed-in']}</h1>
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
