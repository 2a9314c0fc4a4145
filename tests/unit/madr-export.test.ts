import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Link, List, Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Sql } from '../../src/main/db/query';
import { createRepositories } from '../../src/main/db/repositories';
import { browserPlatform } from '../../src/main/platform/browser-platform';
import type { Platform } from '../../src/main/platform/platform';
import { ExportsService } from '../../src/main/services/exports/exports-service';
import type { ExportedFile } from '../../src/shared/planning';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';

const HOSTILE = '# x | y *z* <script>alert(1)</script>';
let t: TestCore;
const temp = tempDirs('madr');
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => {
  t.close();
  temp.removeAll();
});

const tempDir = temp.make;
const parse = (md: string): Root => fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
function all<T extends { type: string }>(node: { type: string; children?: unknown[] }, type: string): T[] {
  const out: T[] = [];
  const walk = (n: { type: string; children?: unknown[] }) => {
    if (n.type === type) out.push(n as unknown as T);
    for (const c of n.children ?? []) walk(c as { type: string; children?: unknown[] });
  };
  walk(node);
  return out;
}
const textOf = (node: { type: string; value?: string; children?: unknown[] }): string =>
  node.value ?? (node.children ?? []).map((c) => textOf(c as { type: string })).join('');
/** Splits a MADR file into its YAML front matter and its Markdown body. */
function split(content: string): { front: Record<string, unknown>; body: Root } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(content);
  if (!match) throw new Error(`no front matter in:\n${content.slice(0, 200)}`);
  return { front: parseYaml(match[1]!) as Record<string, unknown>, body: parse(match[2]!) };
}
/** The relative link in the first list line (of any list: "More Information" holds the supersede links) that starts with `label`. */
function metaLink(body: Root, label: string): string | null {
  for (const list of all<List>(body, 'list')) {
    for (const item of list.children) {
      const para = item.children[0] as { type: string; children: RootContent[] };
      if (textOf(para).startsWith(label)) return all<Link>(para, 'link')[0]?.url ?? null;
    }
  }
  return null;
}

/** A team whose decisions carry hostile text everywhere a person types, one superseding the other. */
async function hostileTeam(): Promise<{ teamId: string; first: string; second: string }> {
  const team = await t.call('teams.create', { name: 'Ops <b>', timeZone: 'Europe/Berlin', members: ['Ana', 'Ben'] });
  const { meetingId } = await t.call('meetings.create', {
    teamId: team.id,
    title: 'Weekly',
    date: '2026-11-24',
    time: '10:00',
    lengthMin: 30,
  });
  let d = await t.call('meetings.get', { meetingId });
  d = await t.call('agenda.addItem', {
    meetingId,
    expectedRevision: d.meeting.agendaRevision,
    kind: 'proposal',
    title: 'P',
    plannedMin: 10,
  });
  for (const a of d.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
  await t.call('meetings.start', { meetingId });
  const ana = d.members.find((m) => m.name === 'Ana')!.id;
  const ben = d.members.find((m) => m.name === 'Ben')!.id;
  const decide = async (title: string, supersedesId: string | null) => {
    const p = await t.call('decisions.propose', {
      meetingId,
      agendaItemId: d.items[0]!.id,
      title,
      question: 'Is | this\n\n# a heading?',
      context: 'Line one\nline two | pipe\n\n<script>alert(2)</script>\n\n- not a list',
      decision: 'Do *it*\n\n| a | b |\n|---|---|',
      rationale: '<img src=x onerror=alert(3)>',
      options: [{ title: 'Opt | *one*', pros: 'Fast\nreally', cons: '<b>bold</b>' }],
      ownerId: ana,
      decisionRight: 'Lead | decides',
      supersedesId,
    });
    await t.call('decisions.position', { decisionId: p.id, memberId: ben, stance: 'disagree', reason: 'Too | fast\n\nsecond <p>' });
    await t.call('decisions.position', { decisionId: p.id, memberId: ana, stance: 'agree', reason: null });
    const objection = (await t.call('decisions.get', { decisionId: p.id })).objections[0]!;
    await t.call('decisions.resolveObjection', { objectionId: objection.id, resolution: 'overruled', note: 'Owner | says\nso' });
    await t.call('decisions.readBack', { decisionId: p.id, on: true });
    await t.call('decisions.decide', { decisionId: p.id, outcome: 'accepted' });
    t.clock.advance(60_000);
    return p.id;
  };
  const first = await decide(HOSTILE, null);
  const second = await decide(`${HOSTILE} again`, first);
  return { teamId: team.id, first, second };
}

function files(list: ExportedFile[]): Map<string, string> {
  return new Map(list.map((f) => [f.suggestedName, f.content]));
}

describe('MADR export of the decision log', () => {
  it('numbers the demo team’s decisions in the order they were recorded, and every file parses with its links pointing at files that exist', async () => {
    const demo = await t.call('demo.load', {});
    const folder = tempDir();
    const outcome = await t.call('exports.decisionsMadr', { teamId: demo.id, folder });
    const names = fs.readdirSync(folder).sort();
    const decisions = names.filter((n) => n !== 'README.md');
    expect(outcome).toEqual({ status: 'saved', folder, files: names.length });
    expect(names).toContain('README.md');
    expect(decisions.length).toBeGreaterThanOrEqual(5);
    decisions.forEach((n, i) => expect(n).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}-[a-z0-9-]+\\.md$`)));

    const dates: string[] = [];
    for (const name of names) {
      const content = fs.readFileSync(path.join(folder, name), 'utf8');
      const body = name === 'README.md' ? parse(content) : split(content).body;
      expect(all(body, 'html'), name).toEqual([]);
      for (const l of all<Link>(body, 'link')) {
        expect(l.url, `${name} links ${l.url}`).toMatch(/^\d{4}-[a-z0-9-]+\.md$/);
        expect(fs.existsSync(path.join(folder, l.url)), `${name} → ${l.url}`).toBe(true);
      }
      if (name !== 'README.md') {
        const { front } = split(content);
        expect(front.status).toMatch(/^(proposed|accepted|rejected|deferred|superseded by \[ADR-\d{4}\]\(\d{4}-[a-z0-9-]+\.md\))$/);
        dates.push(String(front.date));
        expect(all(body, 'heading').filter((h) => (h as { depth?: number }).depth === 1)).toHaveLength(1);
      }
    }
    expect(dates).toEqual([...dates].sort());
    // The index lists every decision file, in order.
    const index = parse(fs.readFileSync(path.join(folder, 'README.md'), 'utf8'));
    expect(all<Link>(index, 'link').map((l) => l.url)).toEqual(decisions);
  });

  it('names each position as it stands once its objection was dealt with, as the minutes do: an integrated block is no longer a block', async () => {
    const demo = await t.call('demo.load', {});
    const exported = files(await t.core.services.exports.madrFiles(demo.id));
    const name = [...exported.keys()].find((n) => /two-week-release-train/.test(n) && /Hotfix lane/.test(exported.get(n)!))!;
    const positions = all<Table>(split(exported.get(name)!).body, 'table').find((t) => textOf(t.children[0]!).includes('Position'))!;
    const rows = positions.children.slice(1).map((r) => r.children.map(textOf));
    expect(rows).toContainEqual(['Diego Alvarez', 'Integrated (was block)', 'Security fixes cannot wait up to two weeks for a train.']);
    expect(rows.find(([who]) => who === 'Lena Fischer')?.[1]).toBe('Disagree, overruled');
  });

  it('says a decision recorded outside a meeting was not confirmed by a room; one accepted in a meeting was', async () => {
    const demo = await t.call('demo.load', {});
    const exported = files(await t.core.services.exports.madrFiles(demo.id));
    const outside = exported.get([...exported.keys()].find((n) => /release-every-thursday/.test(n))!)!;
    expect(outside).toContain('Recorded outside a meeting');
    expect(outside).not.toContain('confirmed by the room');
    const inRoom = exported.get([...exported.keys()].find((n) => /two-reviewers-for-every-hotfix/.test(n))!)!;
    expect(inRoom).toContain('Read back and confirmed by the room.');
  });

  it('links supersedes and superseded-by both ways along the demo’s chain', async () => {
    const demo = await t.call('demo.load', {});
    const exported = files(await t.core.services.exports.madrFiles(demo.id));
    let links = 0;
    for (const [name, content] of exported) {
      if (name === 'README.md') continue;
      const { body } = split(content);
      const older = metaLink(body, 'Supersedes ') ?? metaLink(body, 'Reverses ');
      if (older) {
        links++;
        const back = split(exported.get(older)!).body;
        expect(metaLink(back, 'Superseded by ') ?? metaLink(back, 'Reversed by '), `${older} points back at ${name}`).toBe(name);
        // The status says so too, as MADR writes it and as log4brains reads it (the link's text is the record's slug).
        expect(split(exported.get(older)!).front.status).toBe(`superseded by [ADR-${name.slice(0, 4)}](${name})`);
        expect(metaLink(back, 'Status: superseded by')).toBe(name);
      }
      const newer = metaLink(body, 'Superseded by ') ?? metaLink(body, 'Reversed by ');
      if (newer) {
        const forward = split(exported.get(newer)!).body;
        expect(metaLink(forward, 'Supersedes ') ?? metaLink(forward, 'Reverses ')).toBe(name);
      }
    }
    // The demo's release-cadence chain: three replacements.
    expect(links).toBeGreaterThanOrEqual(3);
  });

  it('keeps hostile titles and notes as text: one heading, intact tables, no raw HTML', async () => {
    const { teamId } = await hostileTeam();
    const exported = files(await t.core.services.exports.madrFiles(teamId));
    expect([...exported.keys()]).toEqual(['0001-x-y-z-script-alert-1-script.md', '0002-x-y-z-script-alert-1-script-again.md', 'README.md']);
    const { front, body } = split(exported.get('0002-x-y-z-script-alert-1-script-again.md')!);
    expect(front).toMatchObject({ status: 'accepted', date: '2026-11-24', 'decision-makers': ['Ana'] });
    expect(all(body, 'html')).toEqual([]);
    const h1 = body.children.filter((c) => c.type === 'heading' && c.depth === 1);
    expect(h1.map(textOf)).toEqual([`${HOSTILE} again`]);
    expect(body.children.filter((c) => c.type === 'heading' && c.depth === 2).map(textOf)).toEqual([
      'Context and Problem Statement',
      'Considered Options',
      'Decision Outcome',
      'Pros and Cons of the Options',
      'More Information',
    ]);
    expect(body.children.filter((c) => c.type === 'heading' && c.depth === 3).map(textOf)).toEqual([
      'Opt | *one*',
      'Positions',
      'Objections and how each was resolved',
      'Supersede chain',
    ]);
    // One option was weighed and none recorded as chosen: the record says so, with the rationale, rather than guess.
    expect(textOf(body)).toContain(
      'This record does not say which of the considered options was chosen.Rationale: <img src=x onerror=alert(3)>',
    );
    expect(front).toEqual({
      status: 'accepted',
      date: '2026-11-24',
      'decision-makers': ['Ana'],
      consulted: ['Ben'],
      informed: [],
    });
    const tables = all<Table>(body, 'table');
    expect(tables).toHaveLength(1);
    for (const row of tables[0]!.children) expect(row.children).toHaveLength(3);
    expect(textOf(tables[0]!.children[1]!)).toContain('Too | fast second <p>');
    expect(textOf(body)).toContain('<script>alert(2)</script>');
    expect(metaLink(body, 'Supersedes ')).toBe('0001-x-y-z-script-alert-1-script.md');
    const index = parse(exported.get('README.md')!);
    expect(all(index, 'html')).toEqual([]);
    expect(all<Table>(index, 'table')[0]!.children.every((r) => r.children.length === 5)).toBe(true);
  });

  it('in the browser mode asks for a folder, suggesting one, and says clearly when the folder cannot be written', async () => {
    const demo = await t.call('demo.load', {});
    const asked = await t.call('exports.decisionsMadr', { teamId: demo.id });
    expect(asked).toEqual({ status: 'chooseFolder', suggestedFolder: path.join(os.homedir(), 'decisions') });
    expect((await t.fail('exports.decisionsMadr', { teamId: demo.id, folder: 'relative/dir' })).message).toBe(
      'Type a full folder path, such as /home/you/decisions or ~/decisions',
    );
    // A file where the folder should be: writing into it fails for anyone, root included.
    const blocker = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(blocker, 'keep me');
    const failed = await t.call('exports.decisionsMadr', { teamId: demo.id, folder: blocker });
    expect(failed).toMatchObject({ status: 'failed', written: 0 });
    expect(fs.readFileSync(blocker, 'utf8')).toBe('keep me');
    expect((failed as { message: string }).message).toBe(
      `${blocker} is a file, not a folder. Give a folder for the files. Nothing was changed.`,
    );
    // Once a folder worked, it is the one suggested next time.
    const folder = tempDir();
    await t.call('exports.decisionsMadr', { teamId: demo.id, folder });
    expect(await t.call('exports.decisionsMadr', { teamId: demo.id })).toEqual({ status: 'chooseFolder', suggestedFolder: folder });
  });

  it('refuses the data folder, a folder under it and a link into it, by the command line’s rule, writing nothing', async () => {
    const demo = await t.call('demo.load', {});
    const link = path.join(tempDir(), 'looks-elsewhere');
    fs.symlinkSync(t.dataDir, link);
    const before = fs.readdirSync(t.dataDir).sort();
    for (const folder of [t.dataDir, path.join(t.dataDir, 'decisions'), path.join(t.dataDir, 'backups', 'madr'), path.join(link, 'adr')]) {
      const outcome = await t.call('exports.decisionsMadr', { teamId: demo.id, folder });
      expect(outcome).toEqual({
        status: 'failed',
        folder,
        written: 0,
        message: `${folder} is in Cadence’s data folder (${t.dataDir}), where an export could replace the database. Choose another place. Nothing was changed.`,
      });
    }
    expect(fs.readdirSync(t.dataDir).sort()).toEqual(before);
    // A folder beside it whose name merely starts the same is not inside it.
    const beside = `${t.dataDir}-decisions`;
    try {
      expect(await t.call('exports.decisionsMadr', { teamId: demo.id, folder: beside })).toMatchObject({ status: 'saved' });
    } finally {
      fs.rmSync(beside, { recursive: true, force: true });
    }
  });
});

describe('MADR export on the desktop', () => {
  it('asks for the folder with the platform’s dialog, opening it at the last folder, and says nothing when cancelled', async () => {
    const demo = await t.call('demo.load', {});
    const asked: (string | null)[] = [];
    let answer: string | null = null;
    const desktop: Platform = {
      ...browserPlatform,
      kind: 'desktop',
      chooseFolder: async (defaultFolder) => {
        asked.push(defaultFolder);
        return answer;
      },
    };
    const repos = createRepositories(new Sql(t.core.opened.db));
    const exports = new ExportsService(repos, t.clock, desktop);
    expect(await exports.decisionsMadr({ teamId: demo.id, folder: null })).toEqual({ status: 'cancelled' });
    answer = path.join(tempDir(), 'chosen');
    const saved = await exports.decisionsMadr({ teamId: demo.id, folder: null });
    expect(saved).toMatchObject({ status: 'saved', folder: answer });
    expect(fs.readdirSync(answer)).toContain('README.md');
    await exports.decisionsMadr({ teamId: demo.id, folder: null });
    expect(asked).toEqual([path.join(os.homedir(), 'decisions'), path.join(os.homedir(), 'decisions'), answer]);
  });
});

describe('the decision log as one HTML file', () => {
  it('escapes hostile text, carries its search script inline and asks for nothing from the network', async () => {
    const { teamId } = await hostileTeam();
    const file = await t.call('exports.decisionLogHtml', { teamId });
    expect(file.suggestedName).toMatch(/^\d{4}-\d{2}-\d{2}-ops-b-decision-log\.html$/);
    const html = file.content;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(3)&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain("document.getElementById('q')");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<[a-z]+[^>]*\s(src|href)=["']?(?!#)[^"'\s>]/i);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    // Supersede links point at anchors that exist.
    const anchors = new Set([...html.matchAll(/ id="(decision-\d{4})"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(anchors.size).toBe(2);
    expect(hrefs.length).toBeGreaterThan(2);
    for (const h of hrefs) expect(anchors.has(h)).toBe(true);
  });
});
