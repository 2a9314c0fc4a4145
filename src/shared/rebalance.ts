/**
 * How to win back time when a meeting runs behind: shorten the items still to come in
 * proportion to the time they are allowed (never below a minute, never the closing check-out),
 * and if that cannot free enough, cut items from the end; cut items carry over to the next
 * meeting. A shortened item keeps its plan (the minutes show planned against actual); what was
 * taken is its negative extra time, so once the meeting runs ahead it can be given back.
 */
export interface PendingItem {
  id: string;
  title: string;
  kind: string;
  /** Minutes planned for the item. */
  plannedMin: number;
  /** Minutes it is allowed now: its plan, less what a rebalance took. */
  allowedMin: number;
}

export interface Rebalance {
  /** Catching up when behind, or giving time back when ahead. */
  direction: 'catch-up' | 'give-back';
  allow: { id: string; title: string; fromMin: number; toMin: number }[];
  cut: { id: string; title: string; plannedMin: number }[];
  /** Minutes won back (catch-up) or returned (give-back). */
  minutes: number;
}

const PROTECTED = new Set(['check_out']);

export function suggestRebalance(pending: PendingItem[], behindMin: number): Rebalance | null {
  const need = Math.ceil(behindMin);
  if (need <= 0) return null;
  const flexible = pending.filter((p) => !PROTECTED.has(p.kind) && p.allowedMin > 1);
  const slack = flexible.reduce((sum, p) => sum + (p.allowedMin - 1), 0);

  if (slack >= need) {
    // Largest remainders first, so the cuts add up exactly to what is needed.
    const shares = flexible.map((p) => ({ p, exact: ((p.allowedMin - 1) * need) / slack }));
    const cuts = new Map(shares.map((s) => [s.p.id, Math.floor(s.exact)]));
    let left = need - [...cuts.values()].reduce((a, b) => a + b, 0);
    for (const s of [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)))) {
      if (left === 0) break;
      cuts.set(s.p.id, cuts.get(s.p.id)! + 1);
      left--;
    }
    const allow = flexible
      .filter((p) => cuts.get(p.id)! > 0)
      .map((p) => ({ id: p.id, title: p.title, fromMin: p.allowedMin, toMin: p.allowedMin - cuts.get(p.id)! }));
    return { direction: 'catch-up', allow, cut: [], minutes: need };
  }

  // Not enough slack: cut whole items from the end (keeping the check-out) until the time is found.
  const cut: Rebalance['cut'] = [];
  let saved = 0;
  for (const p of [...pending].reverse()) {
    if (saved >= need) break;
    if (PROTECTED.has(p.kind)) continue;
    cut.push({ id: p.id, title: p.title, plannedMin: p.allowedMin });
    saved += p.allowedMin;
  }
  return cut.length ? { direction: 'catch-up', allow: [], cut: cut.reverse(), minutes: saved } : null;
}

/**
 * When the meeting runs ahead after a rebalance, the minutes taken from items still to come are
 * given back, in agenda order, up to how far ahead it runs: a shortened plan is never kept longer
 * than the meeting needs it.
 */
export function suggestGiveBack(pending: PendingItem[], aheadMin: number): Rebalance | null {
  let left = Math.floor(aheadMin);
  const allow: Rebalance['allow'] = [];
  for (const p of pending) {
    if (left <= 0) break;
    const taken = p.plannedMin - p.allowedMin;
    if (taken <= 0) continue;
    const back = Math.min(taken, left);
    allow.push({ id: p.id, title: p.title, fromMin: p.allowedMin, toMin: p.allowedMin + back });
    left -= back;
  }
  const minutes = allow.reduce((sum, a) => sum + a.toMin - a.fromMin, 0);
  return minutes > 0 ? { direction: 'give-back', allow, cut: [], minutes } : null;
}
