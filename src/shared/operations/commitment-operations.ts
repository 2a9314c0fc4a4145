import type { Commitment } from '../commitments';
import type { commitmentSchemas } from './commitment-schemas';
import { manifest } from './define';
import { scope } from './scopes';

/** A commitment changed: itself, its team's board, and the team's meetings that list it (made, review, old business). */
const commitmentChanged = (o: Commitment) => [
  scope('commitments', { teamId: o.teamId, id: o.id }),
  scope('meetings', { teamId: o.teamId }),
  ...(o.decisionId ? [scope('decisions', { teamId: o.teamId, id: o.decisionId })] : []),
];

export const commitmentOperations = manifest<typeof commitmentSchemas>()({
  'commitments.create': { changes: (_i, o) => commitmentChanged(o) },
  // The commitment, and a slip's corrective commitment with the meeting it was made in. The team's meetings hold
  // it in their review (meetings.commitments' rows), which puts it in place or reads the whole part again where
  // the outcome moved commitments in or out (commitment-review.ts), and in their old business (meetings.context's
  // rows).
  'commitments.record': {
    changes: (_input, out) => {
      const last = out.events.at(-1);
      const corrective = last?.correctiveCommitmentId;
      return [
        { topic: 'commitments', id: out.id, teamId: out.teamId },
        ...(corrective ? [scope('commitments', { id: corrective, teamId: out.teamId, meetingId: last?.meetingId })] : []),
      ];
    },
  },
  'commitments.reassign': { changes: (_i, o) => commitmentChanged(o) },
  'commitments.get': {
    dependsOn: (i, o) => [scope('commitments', { teamId: o?.teamId, id: i.commitmentId }), scope('teams', { teamId: o?.teamId })],
  },
  'commitments.board': {
    defaults: { teamId: null, memberId: null },
    dependsOn: (i) => [scope('commitments', i), scope('teams', i)],
  },
  'commitments.followThrough': {
    defaults: { from: null, to: null },
    dependsOn: (i) => [scope('commitments', i), scope('meetings', i), scope('teams', i)],
  },
});
