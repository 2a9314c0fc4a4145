export const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

export const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/** "16 Nov" for a calendar date, the same in every time zone. */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

export function signedPct(share: number | null): string {
  if (share === null) return '—';
  const n = Math.round(share * 100);
  return n === 0 ? 'on plan' : `${n > 0 ? '+' : '−'}${Math.abs(n)}%`;
}
