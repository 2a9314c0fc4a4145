import { DomainError } from '@shared/result';
import type { Repositories } from '../../db/repositories';
import type { ArchiveRow } from '../../db/repositories/archive-repository';
import type { ArchiveTable } from '../../db/repositories/archive-tables';

interface Claim extends NumberClaim {
  local: boolean;
}

/**
 * The largest number an archive may carry. A hostile archive's 2^53 - 1 would be accepted by SQLite but make every
 * later number inexact in JavaScript (two decisions then share one, and no import can number them): a team never
 * records a billion decisions, so anything above is refused, as is anything below 1.
 */
export const MAX_DECISION_NUMBER = 999_999_999;

/** Refuses, in plain words and before anything is written, an archive's decision number Cadence would never give. */
export function checkArchivedNumbers(rows: readonly ArchiveRow[]): void {
  rows.forEach((row, index) => {
    const n = row.number;
    if (typeof n === 'number' && (n < 1 || n > MAX_DECISION_NUMBER))
      throw new DomainError(
        'invalid_input',
        `decisions row ${index + 1}: the decision number ${n} is not one Cadence gives (1 to ${MAX_DECISION_NUMBER}). Nothing was imported.`,
      );
  });
}

export interface NumberClaim {
  id: string;
  createdAt: number;
  number: number | null;
}

/**
 * The rule itself, on claims alone (the git sync applies it to merged rows): in creation order, the first
 * claim of a number keeps it; a later claim of a taken number, or none, gets the next number above every
 * claim. Sets the losers' numbers in place and returns them.
 */
export function settleClaims<C extends NumberClaim>(claims: C[]): C[] {
  const holder = new Map<number, C>();
  const unnumbered: C[] = [];
  for (const claim of [...claims].sort(byCreation)) {
    if (claim.number !== null && !holder.has(claim.number)) holder.set(claim.number, claim);
    else unnumbered.push(claim);
  }
  let next = Math.max(0, ...holder.keys());
  for (const claim of unnumbered) claim.number = ++next;
  return unnumbered;
}

const byCreation = (a: NumberClaim, b: NumberClaim) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Settles the team's decision numbers before an archive's decisions are written, so a number
 * stays one decision's for life and every computer that merges the same data ends with the same
 * numbers. A decision already here keeps the number it has here; a new one keeps the archive's.
 * Two decisions made apart (one on each laptop) may claim the same number: the one created first
 * keeps it and the other takes the next free number, here and on the other laptop alike, since the
 * rule depends only on the rows. A row from an archive made before numbers existed gets the next
 * free one, in creation order. Changes the archive's rows in place and renumbers local losers.
 */
export function settleDecisionNumbers(repos: Repositories, spec: ArchiveTable, teamId: string, incoming: ArchiveRow[]): void {
  const here = new Map(repos.archive.teamRows(spec, teamId).map((r) => [String(r.id), r]));
  const claims = new Map<string, Claim>();
  for (const [id, row] of here) claims.set(id, { id, createdAt: Number(row.created_at), number: row.number as number | null, local: true });
  for (const row of incoming) {
    const id = String(row.id);
    if (!claims.has(id)) claims.set(id, { id, createdAt: Number(row.created_at), number: row.number as number | null, local: false });
  }
  for (const claim of settleClaims([...claims.values()])) {
    // A number above every claim is free, so moving a local decision to it never collides.
    if (claim.local) repos.decisions.update(claim.id, { number: claim.number! });
  }
  for (const row of incoming) row.number = claims.get(String(row.id))!.number;
}
