import type { Decision, DecisionDetail } from '../decisions';
import type { Scope } from '../events';
import type { decisionSchemas } from './decision-schemas';
import { manifest } from './define';
import { scope } from './scopes';

/** A decision changed: itself, its team's log, and its team's meetings (its own, and the next one's old business). */
const decisionChanged = (o: DecisionDetail) => [
  scope('decisions', { teamId: o.teamId, id: o.id }),
  scope('meetings', { teamId: o.teamId }),
];
/** A change to one decision: its page, its meeting's decisions, the log's lists of its team. */
function decisionChange(decision: Pick<Decision, 'id' | 'teamId' | 'meetingId'>): Scope {
  return { topic: 'decisions', id: decision.id, teamId: decision.teamId, ...(decision.meetingId ? { meetingId: decision.meetingId } : {}) };
}

export const decisionOperations = manifest<typeof decisionSchemas>()({
  // A new proposal is listed in its own meeting's decisions part (which reads it alone, by its id and meeting) and in
  // its team's log; no other meeting shows it until one takes it over. A superseded decision's chain now ends in it.
  'decisions.propose': {
    changes: (i, o) => [decisionChange(o), ...(i.supersedesId ? [scope('decisions', { teamId: o.teamId, id: i.supersedesId })] : [])],
  },
  'decisions.update': { changes: (_i, o) => decisionChanged(o) },
  'decisions.position': { changes: (_input, out) => [decisionChange(out)] },
  // Old business lists an open objection by its own id.
  'decisions.resolveObjection': { changes: ({ objectionId }, out) => [decisionChange(out), { topic: 'decisions', id: objectionId }] },
  'decisions.readBack': { changes: (_i, o) => decisionChanged(o) },
  'decisions.decide': { changes: (_i, o) => decisionChanged(o) },
  'decisions.amend': { changes: (_i, o) => decisionChanged(o) },
  'decisions.review': { changes: (_i, o) => decisionChanged(o) },
  'decisions.get': {
    dependsOn: (i, o) => [
      scope('decisions', { teamId: o?.teamId, id: i.decisionId }),
      scope('teams', { teamId: o?.teamId }),
      scope('meetings', { teamId: o?.teamId, meetingId: o?.meetingId }),
    ],
  },
  'decisions.search': {
    defaults: {
      query: '',
      teamId: null,
      statuses: [],
      ownerId: null,
      tag: null,
      from: null,
      to: null,
      hasDissent: false,
      reviewDue: false,
      sort: 'relevance',
      offset: 0,
      limit: 100,
    },
    dependsOn: (i) => [scope('decisions', i), scope('teams', i), scope('meetings', i)],
  },
  // The facets name every team, whichever team is filtered.
  'decisions.facets': { defaults: { teamId: null }, dependsOn: (i) => [scope('decisions', i), scope('teams')] },
});
