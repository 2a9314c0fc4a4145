import { defineConfig } from '@playwright/test';
import { FEATURES_OFF } from './scripts/chromium-features.mjs';

/** Debian's Chromium, never a downloaded browser; each test starts its own server. */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  workers: 2,
  fullyParallel: true,
  // The long journeys (live meeting, agreement, archive) take about 50 s on an idle 2-core machine and ran out of
  // 60 s with both cores busy; a test's time budget is no speed target.
  timeout: 180_000,
  // Loading the demo team took 8.7 s with both cores busy (load 37 on 2 cores): 20 s before an expectation gives up.
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    // The app honours prefers-reduced-motion (CSS and framer-motion), so tests wait for what the page shows,
    // never for an animation to end.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        FEATURES_OFF,
      ],
    },
  },
});
