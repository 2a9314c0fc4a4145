import type { Page } from '@playwright/test';
import type { InputOf, OperationName, OutputOf } from '../../src/shared/contract';

/** Calls the contract from inside the signed-in page, as the renderer's transport does; for setting up a test. */
export async function api<K extends OperationName>(page: Page, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  // The page trades its one-time code for a session token as it loads.
  await page.waitForFunction(() => localStorage.getItem('cadence.session') !== null);
  const result = await page.evaluate(
    async ([op, body]) => {
      const res = await fetch(`/api/op/${op}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${localStorage.getItem('cadence.session')}` },
        body: JSON.stringify(body),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [name, input] as const,
  );
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
  return result.value as OutputOf<K>;
}
