// Made on first use, not as the first screen's code loads: a formatter costs milliseconds to build.
let dateFormat: Intl.DateTimeFormat | undefined;

export function formatDate(ms: number): string {
  dateFormat ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return dateFormat.format(new Date(ms));
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
