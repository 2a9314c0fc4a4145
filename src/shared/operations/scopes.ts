/**
 * Short spellings of the scopes reads depend on and writes change. An id left undefined widens the scope (a
 * reader with no teamId hears every team), so a read without an answer yet, or a write whose reply lacks an id,
 * stays correct.
 */
import { ALL_TOPICS, type Scope, type Topic } from '../events';

/** Drops keys whose value is undefined or null, so `{ teamId: null }` means every team. */
export function scope(topic: Topic, ids: { teamId?: string | null; meetingId?: string | null; id?: string | null } = {}): Scope {
  const out: Scope = { topic };
  if (ids.teamId) out.teamId = ids.teamId;
  if (ids.meetingId) out.meetingId = ids.meetingId;
  if (ids.id) out.id = ids.id;
  return out;
}

/** Everything a team holds: a member renamed or gone, a new time zone, shows in all of it. */
export function wholeTeam(teamId: string | null | undefined): Scope[] {
  return ALL_TOPICS.map((topic) => scope(topic, { teamId }));
}

/** One meeting's detail, or every meeting of its team when the meeting is not known. */
export function meetingOf(teamId: string | null | undefined, meetingId?: string | null): Scope {
  return scope('meetings', { teamId, meetingId });
}
