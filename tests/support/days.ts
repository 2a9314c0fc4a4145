/**
 * A day counted from today, as YYYY-MM-DD, for tests on the real clock (a demo loaded today, a server without a test
 * clock): a fixed date there passes until the calendar reaches it (hostile-input's due date of 2026-12-01 failed the
 * landing CI of 2 Dec). Two days or more either way holds in every time zone.
 */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
