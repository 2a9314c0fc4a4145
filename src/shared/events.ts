/**
 * What changed, broadcast after a write commits so every open window stays live.
 * `revision` grows by one per event within one server `epoch`; a client that
 * reconnects to another epoch (a restarted server) refetches everything.
 */
export type Topic = 'teams' | 'settings' | 'meetings' | 'parkingLot' | 'backups' | 'decisions' | 'commitments' | 'agreements';

export const ALL_TOPICS: Topic[] = ['teams', 'settings', 'meetings', 'parkingLot', 'backups', 'decisions', 'commitments', 'agreements'];

/**
 * The parts a meeting is read in, so a change re-reads only what it touched: `live` (the meeting's row,
 * agenda items, attendees, clock, turns, speaking time), `decisions`, `commitments` (made, reviewed, done since
 * last), `context` (members, old business, amendments) and `feedback` (check-out ratings).
 */
export type MeetingPart = 'live' | 'decisions' | 'commitments' | 'context' | 'feedback' | 'summary';

/**
 * One thing that changed (a write's side) or that a read depends on (a read's side). Each key narrows it:
 * a topic alone is everything under it; with `teamId`, `meetingId`, `id` (the entity itself) or `part`, only that.
 * Two scopes overlap when their topics are equal and every key both carry is equal: so a change with no ids
 * reaches every reader of its topic, and a reader with no ids hears every change of its topic.
 */
export interface Scope {
  topic: Topic;
  teamId?: string;
  meetingId?: string;
  id?: string;
  part?: MeetingPart;
}

const KEYS = ['teamId', 'meetingId', 'id', 'part'] as const;

export function overlaps(a: Scope, b: Scope): boolean {
  if (a.topic !== b.topic) return false;
  for (const key of KEYS) {
    const x = a[key];
    const y = b[key];
    if (x !== undefined && y !== undefined && x !== y) return false;
  }
  return true;
}

export function anyOverlap(changes: readonly Scope[], dependsOn: readonly Scope[]): boolean {
  return changes.some((c) => dependsOn.some((d) => overlaps(c, d)));
}

/**
 * A read's new answer, read by main once after the write committed and sent with its change event, so a window
 * that holds this read puts it in its cache instead of asking again (one round trip fewer per window).
 */
export interface Push {
  read: string;
  /** The read's input as main parsed it: the renderer's cache key. */
  input: Record<string, unknown>;
  value: unknown;
}

export interface ChangeEvent {
  epoch: string;
  revision: number;
  /** What the operation changed, with ids where it knows them. */
  changes: Scope[];
  operation: string;
  at: number;
  /**
   * The new answers of the reads the changed scopes name (see a read's `pushedBy`), as of this revision. Only on
   * the event as it is first sent: a client catching up through `events.since` gets none and re-reads.
   */
  pushes?: Push[];
}

export interface EventsSince {
  epoch: string;
  revision: number;
  /** null when the client's revision is too old or from another epoch: refetch everything. Never with pushes. */
  events: Omit<ChangeEvent, 'pushes'>[] | null;
}
