// Made on first use, not as the first screen's code loads: a formatter costs milliseconds to build.
let dateFormat: Intl.DateTimeFormat | undefined;

export function formatDate(ms: number): string {
  dateFormat ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return dateFormat.format(new Date(ms));
}

/**
 * Builds a date formatter and drops it. The page's first Intl.DateTimeFormat loads the locale's date data: 15-30 ms
 * in Chromium on a quiet 2-core machine (21-140 ms at a load average of 8-10), where each one after it (any options,
 * any zone) takes well under one. The boot has it done in a task of its own once the first reads have left, while
 * the page waits for the app's code, so the first screen's dates do not pay it mid-render.
 */
export function loadDateData(): void {
  new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(0);
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
