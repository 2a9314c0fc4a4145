import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { minutesMarkdown } from '../../src/main/services/minutes/minutes-markdown';
import { minutesMeta } from '../../src/main/services/minutes/minutes-meta';
import type { MinutesSource } from '../../src/main/services/minutes/minutes-tree';
import { openTestCore, type TestCore } from '../support/core';
import { heldMeeting } from '../support/minutes-fixture';
import { startedMeeting } from './helpers/minutes-meeting';

/** markdown-it as a reader that knows no front matter sees a file: CommonMark with GFM tables, HTML allowed. */
interface Token {
  type: string;
  content: string;
  children: Token[] | null;
}
const load = createRequire(import.meta.url);
const MarkdownIt = load('markdown-it') as new (options: { html: boolean }) => { parse(src: string, env: object): Token[] };
const jsYaml = load('js-yaml') as { load(text: string): unknown };
const markdownIt = new MarkdownIt({ html: true });

/** Every token markdown-it makes of a file, inline ones too. */
const tokensOf = (md: string): Token[] => markdownIt.parse(md, {}).flatMap((t) => [t, ...(t.children ?? [])]);
const rawHtml = (md: string) => tokensOf(md).filter((t) => t.type === 'html_inline' || t.type === 'html_block');

/** What PyYAML 6 (YAML 1.1, as MkDocs and Python ADR tools read) makes of each text: one python3 for them all. */
function pyYaml(texts: string[]): unknown[] {
  const script = 'import sys, json, yaml\nprint(json.dumps([yaml.safe_load(t) for t in json.load(sys.stdin)], default=str))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(texts) }).toString()) as unknown[];
}

const frontMatterOf = (content: string) => /^---\n([\s\S]*?)\n---\n/.exec(content)![1]!;

/** Names and titles a Markdown reader would take for HTML or an entity, and texts a YAML 1.1 reader folds or refuses. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<b>bold',
  'Q&A &amp; &#0; &lt;',
  '<!-- hidden -->',
  '<http://example.com>',
  'a > b < c',
  'line\u2028sep para\u2029sep next\u0085line',
  'del\u007f c1\u0080\u009f bom\ufeff nonchar\ufffe\uffff',
  'No',
  'two\nlines <i>',
];

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'));
});
afterEach(() => t.close());

/** The fixture's minutes with the title, the team, the facilitator and every attendee's name replaced. */
function named(base: MinutesSource, title: string, names: string[]): MinutesSource {
  const detail = structuredClone(base.detail);
  detail.meeting.title = title;
  detail.meeting.teamName = names[0]!;
  detail.meeting.facilitatorName = names[1 % names.length]!;
  detail.attendees.forEach((a, i) => (a.name = names[(i + 2) % names.length]!));
  return { ...base, detail };
}

/** The front matter's values a reader must get back exactly (the date aside: a YAML 1.1 reader takes it for a date). */
function expectedMeta(source: MinutesSource): Record<string, unknown> {
  const { title, date: _date, ...rest } = minutesMeta(source.detail);
  return { meeting: title, ...rest };
}
const withoutDate = (read: unknown) => {
  const { date: _date, ...rest } = read as Record<string, unknown>;
  return rest;
};

describe('front matter read by a Markdown reader that knows none, and by YAML 1.2 and 1.1 readers', () => {
  it('minutes: no title or name becomes HTML in markdown-it; the yaml package, js-yaml and PyYAML read back each value exactly', async () => {
    const base = t.core.services.minutes.source(await heldMeeting(t));
    const sources = HOSTILE.map((title, i) => named(base, title, [...HOSTILE.slice(i), ...HOSTILE.slice(0, i)]));
    const files = sources.map((s) => minutesMarkdown(s).content);
    for (const content of files) {
      expect(frontMatterOf(content)).not.toMatch(/[<>&\u0085\u2028\u2029]/);
      expect(rawHtml(content)).toEqual([]);
    }
    const yamls = files.map(frontMatterOf);
    const python = pyYaml(yamls);
    sources.forEach((source, i) => {
      const expected = expectedMeta(source);
      expect(withoutDate(parseYaml(yamls[i]!))).toEqual(expected);
      expect(withoutDate(parseYaml(yamls[i]!, { version: '1.1' }))).toEqual(expected);
      expect(withoutDate(jsYaml.load(yamls[i]!))).toEqual(expected);
      expect(withoutDate(python[i])).toEqual(expected);
      expect((python[i] as { date: string }).date).toBe('2026-11-23');
    });
  });

  it('minutes: any text, read back exactly by js-yaml and PyYAML, never raw HTML in markdown-it', async () => {
    const base = t.core.services.minutes.source(await heldMeeting(t));
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc
        .array(fc.oneof(fc.constantFrom(...HOSTILE, '<', '>', '&', '"', "'", '\\', ':', '#', '- ', '\n'), fc.string({ maxLength: 4 })), {
          maxLength: 8,
        })
        .map((parts) => parts.join('')),
    );
    const sources = fc
      .sample(fc.tuple(anyText, fc.array(anyText, { minLength: 3, maxLength: 3 })), { numRuns: 100, seed: 22 })
      .map(([title, names]) => named(base, title, names));
    const files = sources.map((s) => minutesMarkdown(s).content);
    const yamls = files.map(frontMatterOf);
    const python = pyYaml(yamls);
    sources.forEach((source, i) => {
      expect(yamls[i]).not.toMatch(/[<>&]/);
      expect(rawHtml(files[i]!)).toEqual([]);
      const expected = expectedMeta(source);
      expect(withoutDate(jsYaml.load(yamls[i]!))).toEqual(expected);
      expect(withoutDate(python[i])).toEqual(expected);
    });
  }, 60_000);

  it('MADR: no decider or member name becomes HTML in markdown-it; js-yaml and PyYAML read back each name exactly', async () => {
    const members = ['<script>alert(1)</script>', '<b>bold', 'Q&A &amp;', 'Ana'];
    const { teamId, meetingId, d, member } = await startedMeeting(t, [{ kind: 'proposal', title: 'P' }], { name: 'Ops', members });
    const p = await t.call('decisions.propose', {
      meetingId,
      agendaItemId: d.items[0]!.id,
      title: 'Ship <i>it</i>',
      decision: 'Ship it & see',
      ownerId: member('<b>bold'),
      supersedesId: null,
    });
    await t.call('decisions.position', { decisionId: p.id, memberId: member('Q&A &amp;'), stance: 'agree' });
    await t.call('decisions.readBack', { decisionId: p.id, on: true });
    await t.call('decisions.decide', { decisionId: p.id, outcome: 'accepted' });
    const record = (await t.core.services.exports.madrFiles(teamId)).find((f) => f.suggestedName.startsWith('0001-'))!;
    const yaml = frontMatterOf(record.content);
    expect(yaml).not.toMatch(/[<>&]/);
    expect(rawHtml(record.content)).toEqual([]);
    const expected = { 'decision-makers': ['<b>bold'], consulted: ['Q&A &amp;'], informed: ['<script>alert(1)</script>', 'Ana'] };
    for (const read of [jsYaml.load(yaml), pyYaml([yaml])[0], parseYaml(yaml, { version: '1.1' })]) {
      const r = read as Record<string, string[]>;
      expect({ 'decision-makers': r['decision-makers'], consulted: r.consulted, informed: [...r.informed!].sort() }).toEqual({
        ...expected,
        informed: [...expected.informed].sort(),
      });
    }
  });
});
