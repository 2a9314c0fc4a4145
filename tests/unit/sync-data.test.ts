import { afterEach, describe, expect, it } from 'vitest';
import { teamTree, type TreeFiles } from '../../src/main/services/sync/sync-data';
import { activeMembers, holdMeeting } from '../support/sync-actions';
import { openLaptop, Remote, rowCounts, teamChecksum, type Laptop } from '../support/sync-world';

let laptops: Laptop[] = [];
afterEach(() => {
  for (const l of laptops) l.t.close();
  laptops = [];
});
async function laptop(name: string, start = Date.parse('2026-11-24T09:00:00Z')): Promise<Laptop> {
  const l = await openLaptop(name, start);
  laptops.push(l);
  return l;
}

/** The demo team on laptop a, synced to b through a fresh remote. */
async function demoOnTwo() {
  const a = await laptop('a');
  const b = await laptop('b', Date.parse('2026-11-24T09:00:30Z'));
  const demo = await a.t.call('demo.load', {});
  const remote = new Remote();
  remote.sync(a, demo.id);
  remote.sync(b, demo.id);
  return { a, b, teamId: demo.id, remote };
}

const lines = (tree: TreeFiles) => [...tree.values()].flatMap((text) => text.slice(0, -1).split('\n'));

describe('a team as files', () => {
  it('carries the demo team to a fresh laptop row for row, as the same bytes, one file per aggregate with sorted keys', async () => {
    const { a, b, teamId, remote } = await demoOnTwo();
    const tree = remote.head()!;
    expect(teamChecksum(b.repos, teamId)).toBe(teamChecksum(a.repos, teamId));
    expect([...teamTree(b.repos, teamId)]).toEqual([...tree]);
    expect(tree.get('cadence/format.json')).toBe('{"format":"cadence.team-sync","version":1}\n');
    const paths = [...tree.keys()];
    expect(
      paths.every((p) =>
        /^cadence\/(format\.json|team\.jsonl|(members|series|meetings|decisions|commitments|parking-lot|agreements|roles)\/[0-9a-f-]+\.jsonl)$/.test(
          p,
        ),
      ),
    ).toBe(true);
    // Two held, one called off (it travels as such, with its reason), one planned.
    expect(paths.filter((p) => p.startsWith('cadence/meetings/'))).toHaveLength(4);
    expect([...tree.values()].filter((v) => v.includes('"called_off_reason":"Public holiday: most of the team is off"'))).toHaveLength(1);
    for (const line of lines(tree)) {
      const parsed = JSON.parse(line) as { row: Record<string, unknown> };
      if (!('row' in parsed)) continue;
      expect(Object.keys(parsed)).toEqual(['row', 'stamp', 'table']);
      expect(Object.keys(parsed.row)).toEqual(Object.keys(parsed.row).sort());
    }
    // A commitment file holds the commitment and its events, nothing else.
    const commitmentFile = [...tree].find(([p]) => p.startsWith('cadence/commitments/'))![1];
    expect(
      new Set(
        commitmentFile
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { table: string }).table),
      ),
    ).toEqual(new Set(['commitments', 'commitment_events']));
  });

  it('is deterministic: the same database gives the same bytes, a sync with nothing new changes nothing', async () => {
    const { a, teamId, remote } = await demoOnTwo();
    const once = teamTree(a.repos, teamId);
    expect([...teamTree(a.repos, teamId)]).toEqual([...once]);
    const again = remote.sync(a, teamId);
    expect(again).toMatchObject({ incoming: 0, outgoing: 0, conflicts: [], summary: 'No changes' });
    expect([...again.tree]).toEqual([...once]);
  });
});

describe('merging laptops', () => {
  it('two facilitators each hold a meeting offline on the same day: both laptops end with both meetings, decisions and commitments', async () => {
    const { a, b, teamId, remote } = await demoOnTwo();
    const onA = await holdMeeting(a, teamId, 'Ops review', '2026-11-24');
    b.t.clock.advance(60_000);
    const onB = await holdMeeting(b, teamId, 'Release sync', '2026-11-24');
    const sentByA = remote.sync(a, teamId);
    expect(sentByA.summary).toMatch(/^Ops review, 2026-11-24: ended; .*1 decision; .*1 commitment/);
    expect(sentByA.outgoing).toBeGreaterThan(5);
    const atB = remote.sync(b, teamId);
    expect(atB.incoming).toBeGreaterThan(5);
    remote.sync(a, teamId);
    for (const l of [a, b]) {
      for (const held of [onA, onB]) {
        expect((await l.t.call('meetings.get', { meetingId: held.meetingId })).meeting.status).toBe('ended');
        expect((await l.t.call('decisions.get', { decisionId: held.decisionId })).status).toBe('accepted');
        expect((await l.t.call('commitments.get', { commitmentId: held.commitmentId })).status).toBe('open');
      }
    }
    expect(teamChecksum(a.repos, teamId)).toBe(teamChecksum(b.repos, teamId));
    // Both decisions were given the same next number apart: the one made first keeps it, on both laptops.
    const numbers = async (l: Laptop) =>
      [onA, onB].map((h) => l.repos.sql.db.prepare('SELECT number FROM decisions WHERE id = ?').pluck().get(h.decisionId));
    const [first, second] = await numbers(a);
    expect(second).toBe(Number(first) + 1);
    expect(await numbers(b)).toEqual([first, second]);
  });

  it('two renames of one member on two laptops: one conflict, listed the same way on both, and one name on both', async () => {
    const { a, b, teamId, remote } = await demoOnTwo();
    const [member] = await activeMembers(a, teamId);
    await a.t.call('members.update', { memberId: member!.id, name: 'Priya S.', roleTitle: null });
    b.t.clock.advance(5_000);
    await b.t.call('members.update', { memberId: member!.id, name: 'Priya Sharma', roleTitle: null });
    remote.sync(a, teamId);
    const atB = remote.sync(b, teamId);
    const atA = remote.sync(a, teamId);
    expect(atB.conflicts).toEqual([
      {
        entity: 'members',
        id: member!.id,
        field: 'name',
        kept: 'Priya Sharma',
        other: 'Priya S.',
        at: b.t.clock.now(),
        words: 'Member “Priya Sharma”: name changed on two laptops — kept “Priya Sharma”, not “Priya S.”',
      },
    ]);
    expect(atA.conflicts).toEqual(atB.conflicts);
    expect(atA.tree.get('cadence/conflicts.jsonl')).toBe(atB.tree.get('cadence/conflicts.jsonl'));
    for (const l of [a, b]) expect((await activeMembers(l, teamId)).find((m) => m.id === member!.id)!.name).toBe('Priya Sharma');
    // Both renames are in the member's history on both laptops.
    const renames = (l: Laptop) =>
      l.repos.sql.db
        .prepare("SELECT new_value FROM member_events WHERE member_id = ? AND kind = 'renamed' ORDER BY new_value")
        .pluck()
        .all(member!.id);
    expect(renames(a)).toEqual(['Priya S.', 'Priya Sharma']);
    expect(renames(b)).toEqual(renames(a));
    expect(teamChecksum(a.repos, teamId)).toBe(teamChecksum(b.repos, teamId));
  });
});

describe('a hostile or unreadable repository', () => {
  /** Rewrites the first line of the first file whose path starts with `prefix`. */
  function editLine(
    tree: TreeFiles,
    prefix: string,
    edit: (line: Record<string, unknown>) => Record<string, unknown>,
  ): Map<string, string> {
    const [path, text] = [...tree].find(([p]) => p.startsWith(prefix))!;
    const [first, ...rest] = text.split('\n');
    return new Map(tree).set(path, [JSON.stringify(edit(JSON.parse(first!) as Record<string, unknown>)), ...rest].join('\n'));
  }
  const moved = (tree: TreeFiles, from: string, to: string) => {
    const next = new Map(tree).set(to, tree.get(from)!);
    next.delete(from);
    return next;
  };
  const rowOf = (line: Record<string, unknown>) => line.row as Record<string, unknown>;

  it('is refused with the reason in words, and nothing is written', async () => {
    const { a, b, teamId, remote } = await demoOnTwo();
    const other = await b.t.call('teams.create', { name: 'Other', timeZone: 'UTC', members: ['Zed'] });
    const zed = (await activeMembers(b, other.id))[0]!;
    await holdMeeting(a, teamId, 'Ops review', '2026-11-24');
    remote.sync(a, teamId);
    const good = remote.head()!;
    const memberFile = [...good.keys()].find((p) => p.startsWith('cadence/members/'))!;
    const hostile: [string, Map<string, string>, RegExp][] = [
      ['malformed JSON', new Map(good).set(memberFile, `{"row": {"id": \n`), /cadence\/members\/.*\.jsonl line 1 is not JSON/],
      ['a cut-short file', new Map(good).set(memberFile, good.get(memberFile)!.slice(0, -1)), /does not end with a new line/],
      [
        'a newer format',
        new Map(good).set('cadence/format.json', '{"format":"cadence.team-sync","version":2}\n'),
        /written by a newer Cadence \(sync format 2; this one reads up to 1\)/,
      ],
      ['an unknown file', new Map(good).set('cadence/notes/x.jsonl', '{}\n'), /a file Cadence does not know: cadence\/notes\/x\.jsonl/],
      ['a path that climbs out', new Map(good).set('cadence/members/../../x.jsonl', '{}\n'), /a file Cadence does not know/],
      ['an oversized file', new Map(good).set(memberFile, 'x'.repeat(8 * 1024 * 1024 + 1)), /larger than Cadence ever writes/],
      ['no format file', new Map([...good].filter(([p]) => p !== 'cadence/format.json')), /no cadence\/format\.json/],
      [
        'a field Cadence does not know',
        editLine(good, 'cadence/members/', (l) => ({ ...l, row: { ...rowOf(l), shoe_size: 44 } })),
        /a field Cadence does not know \(shoe_size\)/,
      ],
      [
        'a missing field',
        editLine(good, 'cadence/members/', (l) => ({ ...l, row: { ...rowOf(l), name: undefined } })),
        /line 1 \(members\): name: name is missing/,
      ],
      ['an unknown table', editLine(good, 'cadence/members/', (l) => ({ ...l, table: 'users' })), /cadence\/members\/.* line 1: table: /],
      [
        'a row of another team',
        editLine(good, 'cadence/members/', (l) => ({ ...l, row: { ...rowOf(l), team_id: other.id } })),
        /a members row of another team/,
      ],
      [
        'another team altogether',
        editLine(good, 'cadence/team.jsonl', (l) => ({ ...l, row: { ...rowOf(l), id: other.id } })),
        /holds another team, “.*”, not “.*”: a repository holds one team/,
      ],
      ['a row in the wrong file', moved(good, memberFile, `cadence/members/${zed.id}.jsonl`), /belongs in cadence\/members\//],
      [
        'an id of another team’s row',
        new Map(good).set(
          `cadence/members/${zed.id}.jsonl`,
          `${good.get(memberFile)!.split('\n')[0]!.replaceAll(memberFile.slice(16, -6), zed.id)}\n`,
        ),
        /has the id of a row of another team on this computer/,
      ],
      [
        'a decision number Cadence never gives',
        editLine(good, 'cadence/decisions/', (l) => ({ ...l, row: { ...rowOf(l), number: 2 ** 53 - 1 } })),
        /decision number 9007199254740991 is not one Cadence gives/,
      ],
      ['a bad stamp', editLine(good, 'cadence/members/', (l) => ({ ...l, stamp: 'tomorrow' })), /stamp: /],
    ];
    hostile.push([
      'a reference to nothing',
      editLine(good, 'cadence/meetings/', (l) => ({ ...l, row: { ...rowOf(l), facilitator_id: '01a20cc9-0000-7000-8000-0000000000ff' } })),
      /meetings row .* refers to a members row \(facilitator_id\) that is neither in the repository nor on this computer/,
    ]);
    // A row hanging off another team's member (its file is that member's; the member is not in the tree).
    const event = [...good.get(memberFile)!.trim().split('\n')]
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.table === 'member_events')!;
    hostile.push([
      'history of another team’s member',
      new Map(good).set(
        `cadence/members/${zed.id}.jsonl`,
        `${JSON.stringify({ ...event, row: { ...rowOf(event), id: '01a20cc9-0000-7000-8000-000000000001', member_id: zed.id } })}\n`,
      ),
      /member_events row .* belongs to another team/,
    ]);
    const before = rowCounts(b.repos);
    const treeBefore = teamTree(b.repos, teamId);
    for (const [what, tree, reason] of hostile) {
      let message = '';
      try {
        remote.trees.push(tree);
        remote.sync(b, teamId);
      } catch (error) {
        message = (error as Error).message;
      } finally {
        remote.trees.pop();
      }
      expect(message, what).toMatch(reason);
      expect(message, what).toMatch(/Nothing was synced\.$/);
      expect(rowCounts(b.repos), what).toEqual(before);
      expect([...teamTree(b.repos, teamId)], what).toEqual([...treeBefore]);
    }
    // The good tree still merges afterwards.
    expect(remote.sync(b, teamId).incoming).toBeGreaterThan(5);
  });
});
