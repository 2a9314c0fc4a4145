import { _electron as electron } from '@playwright/test';
import { expect, test } from '../support/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { tempDataDir } from '../support/server';
import { openDemoTeam } from '../support/demo-team';

const binary = electronBinary();

test.describe('desktop app (needs the Electron binary)', () => {
  test.skip(
    !binary.installed,
    'No Electron binary installed on this machine (its download host is unreachable here); runs where Electron is installed.',
  );

  test('opens the console window with the contract on window.cadence and nothing else', async () => {
    const app = await electron.launch({ args: ['.'], env: { ...process.env, CADENCE_DATA_DIR: tempDataDir('electron') } });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'Meetings that keep their promises.' })).toBeVisible();
      expect(window.url()).toMatch(/^app:\/\/cadence\/index\.html/); // never file://
      const exposed = await window.evaluate(() => ({
        keys: Object.keys((window as unknown as { cadence: object }).cadence).sort(),
        node: typeof (window as unknown as { require?: unknown }).require,
      }));
      expect(exposed).toEqual({ keys: ['invoke', 'onChange', 'transport'], node: 'undefined' });
      await openDemoTeam(window);
      await window.screenshot({ path: 'test-results/screens/electron-demo-team.png' });
    } finally {
      await app.close();
    }
  });
});
