import { loadDateData } from './date-data';

/**
 * Has the locale's date data loaded on a worker thread, beside the page's own: the browser keeps it for the whole
 * process, so the first screen's dates find it there. Loaded on the page's thread instead (in a task of its own, as
 * the boot did before) it came between the app's code arriving and its first render: on a cold load the code is
 * in by the time the boot has run. A worker that cannot start leaves it to the page's thread, as before.
 */
export function loadDateDataAside(): void {
  const onThePage = () => setTimeout(loadDateData, 0);
  try {
    new Worker(new URL('./date-data-worker.ts', import.meta.url), { name: 'date data' }).addEventListener('error', onThePage);
  } catch {
    onThePage();
  }
}

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let zones: string[] | undefined;

/** Every zone this browser knows (some 400), listed once per page: each team form's zone picker shows them. */
export function timeZones(): string[] {
  if (zones) return zones;
  const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  zones = list.includes('UTC') ? list : ['UTC', ...list];
  return zones;
}
