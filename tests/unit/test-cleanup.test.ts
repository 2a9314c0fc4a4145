import fs from 'node:fs';
import { expect, it } from 'vitest';
import { closeEvery, openTestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';

/** The property tests' clean-up after a failed run: no data folder is left in the temp folder. */
it('closes every core and removes every folder they made even when one of them fails to close', async () => {
  const cores = [await openTestCore(), await openTestCore(), await openTestCore()];
  const close = cores[0]!.core.close;
  cores[0]!.core.close = () => {
    close();
    throw new Error('the database would not close');
  };
  expect(() => closeEvery(cores)).toThrow('the database would not close');
  for (const t of cores) expect(fs.existsSync(t.dataDir), t.dataDir).toBe(false);
});

it('removes every folder it made even when the test removed one of them itself', () => {
  const temp = tempDirs('cleanup');
  const [first, second] = [temp.make(), temp.make()];
  fs.rmSync(first, { recursive: true });
  temp.removeAll();
  expect(fs.existsSync(second)).toBe(false);
});
