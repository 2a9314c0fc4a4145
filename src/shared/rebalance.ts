/**
 * How to win back time when a meeting runs behind: shorten the items still to come in
 * proportion to their length (never below a minute, never the closing check-out), and if
 * that cannot free enough, cut items from the end; cut items carry over to the next meeting.
 */
export interface PendingItem {
  id: string;
  title: string;
  kind: string;
  plannedMin: number;
}

export interface Rebalance {
  shorten: { id: string; title: string; fromMin: number; toMin: number }[];
  cut: { id: string; title: string; plannedMin: number }[];
  savedMin: number;
}

const PROTECTED = new Set(['check_out']);

export function suggestRebalance(pending: PendingItem[], behindMin: number): Rebalance | null {
  const need = Math.ceil(behindMin);
  if (need <= 0) return null;
  const flexible = pending.filter((p) => !PROTECTED.has(p.kind) && p.plannedMin > 1);
  const slack = flexible.reduce((sum, p) => sum + (p.plannedMin - 1), 0);

  if (slack >= need) {
    // Largest remainders first, so the cuts add up exactly to what is needed.
    const shares = flexible.map((p) => ({ p, exact: ((p.plannedMin - 1) * need) / slack }));
    const cuts = new Map(shares.map((s) => [s.p.id, Math.floor(s.exact)]));
    let left = need - [...cuts.values()].reduce((a, b) => a + b, 0);
    for (const s of [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)))) {
      if (left === 0) break;
      cuts.set(s.p.id, cuts.get(s.p.id)! + 1);
      left--;
    }
    const shorten = flexible
      .filter((p) => cuts.get(p.id)! > 0)
      .map((p) => ({ id: p.id, title: p.title, fromMin: p.plannedMin, toMin: p.plannedMin - cuts.get(p.id)! }));
    return { shorten, cut: [], savedMin: need };
  }

  // Not enough slack: cut whole items from the end (keeping the check-out) until the time is found.
  const cut: Rebalance['cut'] = [];
  let saved = 0;
  for (const p of [...pending].reverse()) {
    if (saved >= need) break;
    if (PROTECTED.has(p.kind)) continue;
    cut.push({ id: p.id, title: p.title, plannedMin: p.plannedMin });
    saved += p.plannedMin;
  }
  return cut.length ? { shorten: [], cut: cut.reverse(), savedMin: saved } : null;
}
