// Chromium features the benches and the end-to-end tests turn off (scripts/bench-browser.mjs, playwright.config.ts).
/**
 * Chromium 156 builds the address bar's WebUI popup for every headless window, so for every page a bench opens: a
 * renderer that loads some 200 modules (about 330 ms of CPU, and 60 ms more on the browser's main thread) while the
 * sample's page loads. On two shared cores that work lands in the figures (and in the end-to-end tests' time), and no
 * one opening Cadence pays it per load. Chromium keeps only the last --disable-features switch, so Playwright's own
 * list (1.65) is repeated before it.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];
const NO_OMNIBOX_WEBUI = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

/** The switch the benches and the end-to-end tests pass to Chromium, after Playwright's own. */
export const FEATURES_OFF = `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...NO_OMNIBOX_WEBUI].join(',')}`;
