import type { DecisionSet } from '../../db/repositories/decision-sets-repository';
import type { DecisionParts } from './decision-reader';

/**
 * The parts of each record of a set read at once (a team's log, a meeting's decisions). A supersede chain that
 * leaves the set (rare) is followed one decision at a time, as the decision's page does.
 */
export function partsFromSet(set: DecisionSet, oneByOne: DecisionParts): DecisionParts {
  const inScope = new Set(set.rows.map((r) => r.id));
  return {
    find: (id) => set.related.get(id) ?? oneByOne.find(id),
    replacements: (id) => (inScope.has(id) ? (set.replacements.get(id) ?? []) : oneByOne.replacements(id)),
    positions: (id) => set.positions.get(id) ?? [],
    objections: (id) => set.objections.get(id) ?? [],
    amendments: (id) => set.amendments.get(id) ?? [],
    isCarriedIntoLive: (row) => set.carriedIntoLive.has(row.id),
  };
}
