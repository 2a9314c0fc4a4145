import type { Sql } from '../db/query';
import type { Clock } from '../core/clock';
import { uuidv7 } from '../core/ids';
import { namedInsert } from './seed-insert';

const DECISIONS_PER_MEETING = 10;
const COMMITMENTS_PER_MEETING = 20;

/** Seeded, so every run writes the same text and the figures compare. */
let seed = 20261124;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}

/**
 * A vocabulary of 2,000 made-up words with a Zipf-like spread (a few common, most rare), as
 * the words of real minutes are: searches then touch realistic numbers of rows.
 */
export const VOCABULARY = Array.from({ length: 2000 }, (_, i) => {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'zu', 'pel', 'dri', 'on', 'sa', 'quin', 'bet', 'ar', 'ym'];
  let n = i + 7;
  let word = '';
  do {
    word += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  } while (n > 0);
  return word;
});
function pickWord(): string {
  return VOCABULARY[Math.floor(VOCABULARY.length * random() ** 3)]!;
}
function sentence(length: number): string {
  return Array.from({ length }, pickWord).join(' ');
}

/**
 * Seeds the bench's teams with plain inserts in one transaction per team: the figures are about
 * reading and saving, not seeding. Every insert names its columns (seed-insert.ts). Its meetings have all ended,
 * so the undo log stays empty, as a real file's holds only live meetings' steps (migration 023).
 */
export function seedBenchData(db: Sql['db'], clock: Clock, teams: number, weeks: number): void {
  const now = clock.now();
  const insTeam = namedInsert(db, 'teams', ['id', 'name', 'time_zone', 'created_at', 'updated_at']);
  const insMember = namedInsert(db, 'members', ['id', 'team_id', 'name', 'position', 'joined_at', 'created_at', 'updated_at']);
  const insMeeting = namedInsert(db, 'meetings', [
    'id',
    'team_id',
    'title',
    'status',
    'scheduled_start',
    'planned_length_ms',
    'facilitator_id',
    'started_at',
    'ended_at',
    'paused_total_ms',
    'created_at',
    'updated_at',
  ]);
  const insItem = namedInsert(db, 'agenda_items', [
    'id',
    'meeting_id',
    'position',
    'kind',
    'title',
    'planned_ms',
    'notes',
    'status',
    'started_at',
    'ended_at',
    'created_at',
    'updated_at',
  ]);
  const insDecision = namedInsert(db, 'decisions', [
    'id',
    'team_id',
    'meeting_id',
    'title',
    'context',
    'decision',
    'rationale',
    'owner_id',
    'status',
    'decided_at',
    'created_at',
    'updated_at',
  ]);
  const insCommitment = namedInsert(db, 'commitments', [
    'id',
    'team_id',
    'owner_id',
    'outcome',
    'original_due_date',
    'meeting_id',
    'created_at',
  ]);
  const eventColumns = [
    'id',
    'commitment_id',
    'kind',
    'status',
    'at',
    'meeting_id',
    'old_due_date',
    'new_due_date',
    'reason',
    'root_cause',
    'in_advance',
  ] as const;
  const insEvent = namedInsert(db, 'commitment_events', eventColumns);
  const noDetail = { meeting_id: null, old_due_date: null, new_due_date: null, reason: null, root_cause: null, in_advance: null };
  const words = ['pricing', 'onboarding', 'latency', 'hiring', 'roadmap', 'security', 'billing', 'search', 'mobile', 'support'];
  const insPosition = namedInsert(db, 'positions', ['id', 'decision_id', 'member_id', 'stance', 'reason', 'recorded_at']);
  const insObjection = namedInsert(db, 'objections', [
    'id',
    'decision_id',
    'position_id',
    'member_id',
    'reason',
    'resolution',
    'resolution_note',
    'resolved_at',
    'created_at',
  ]);
  for (let t = 0; t < teams; t++) {
    db.transaction(() => {
      const teamId = uuidv7(clock);
      insTeam({ id: teamId, name: `Team ${t + 1}`, time_zone: 'Europe/Berlin', created_at: now, updated_at: now });
      const members = Array.from({ length: 8 }, (_, i) => {
        const id = uuidv7(clock);
        insMember({ id, team_id: teamId, name: `Member ${t}-${i}`, position: i, joined_at: now, created_at: now, updated_at: now });
        return id;
      });
      for (let w = 0; w < weeks; w++) {
        const start = Date.parse('2016-11-28T09:00:00Z') + w * 7 * 86_400_000;
        const meetingId = uuidv7(clock);
        insMeeting({
          id: meetingId,
          team_id: teamId,
          title: 'Weekly',
          status: 'ended',
          scheduled_start: start,
          planned_length_ms: 2_700_000,
          facilitator_id: members[w % 8]!,
          started_at: start,
          ended_at: start + 2_700_000,
          paused_total_ms: 0,
          created_at: start,
          updated_at: start,
        });
        for (let i = 0; i < 7; i++)
          insItem({
            id: uuidv7(clock),
            meeting_id: meetingId,
            position: i,
            kind: 'discussion',
            title: `Item ${i}`,
            planned_ms: 600_000,
            notes: `Notes about ${words[(w + i) % 10]}`,
            status: 'done',
            started_at: start,
            ended_at: start + 600_000,
            created_at: start,
            updated_at: start,
          });
        for (let d = 0; d < DECISIONS_PER_MEETING; d++) {
          const w1 = words[(w + d) % 10];
          const decisionId = uuidv7(clock);
          insDecision({
            id: decisionId,
            team_id: teamId,
            meeting_id: meetingId,
            title: `Decide ${w1} ${w}-${d}`,
            context: `Context on ${w1}: ${sentence(14)}`,
            decision: `We will ${w1} ${sentence(8)}`,
            rationale: `Because ${sentence(18)}`,
            owner_id: members[d % 8]!,
            status: 'accepted',
            decided_at: start,
            created_at: start,
            updated_at: start,
          });
          // One decision in ten had a block, integrated: the log's "has dissent" has real work to do.
          if (random() < 0.1) {
            const positionId = uuidv7(clock);
            const memberId = members[(d + 1) % 8]!;
            insPosition({
              id: positionId,
              decision_id: decisionId,
              member_id: memberId,
              stance: 'block',
              reason: sentence(8),
              recorded_at: start,
            });
            insObjection({
              id: uuidv7(clock),
              decision_id: decisionId,
              position_id: positionId,
              member_id: memberId,
              reason: sentence(8),
              resolution: 'integrated',
              resolution_note: 'changed',
              resolved_at: start,
              created_at: start,
            });
          }
        }
        for (let c = 0; c < COMMITMENTS_PER_MEETING; c++) {
          const commitmentId = uuidv7(clock);
          const due = new Date(start + 7 * 86_400_000).toISOString().slice(0, 10);
          insCommitment({
            id: commitmentId,
            team_id: teamId,
            owner_id: members[c % 8]!,
            outcome: `Outcome ${c}`,
            original_due_date: due,
            meeting_id: meetingId,
            created_at: start,
          });
          const event = { commitment_id: commitmentId, ...noDetail };
          insEvent({ ...event, id: uuidv7(clock), kind: 'created', status: 'open', at: start, meeting_id: meetingId });
          // All but the last four weeks' are closed, as a team that keeps its word leaves them:
          // most done by the date, some renegotiated first, a few slipped.
          if (w < weeks - 4) {
            const r = random();
            const at = start + 7 * 86_400_000;
            if (r < 0.15)
              insEvent({
                ...event,
                id: uuidv7(clock),
                kind: 'renegotiated',
                status: null,
                at: start + 3 * 86_400_000,
                old_due_date: due,
                new_due_date: due,
                reason: 'Scope grew',
                in_advance: 1,
              });
            if (r > 0.9)
              insEvent({
                ...event,
                id: uuidv7(clock),
                kind: 'slipped',
                status: null,
                at,
                reason: 'Busy',
                root_cause: 'missing_resource',
              });
            insEvent({
              ...event,
              id: uuidv7(clock),
              kind: 'done',
              status: 'done',
              at: r < 0.8 ? at - 86_400_000 : at + 2 * 86_400_000,
            });
          }
        }
      }
    })();
  }
}
