import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesMarkdown } from '../../src/main/services/minutes/minutes-markdown';
import type { MinutesSource } from '../../src/main/services/minutes/minutes-tree';
import { openTestCore, type TestCore } from '../support/core';
import { nodesOf, parseMarkdown } from '../support/markdown';
import { heldMeeting } from '../support/minutes-fixture';
import { markdownlintFaults } from './helpers/markdownlint';

/** markdown-it as a reader that knows no front matter: CommonMark with GFM tables and strikethrough, HTML allowed. */
interface Token {
  type: string;
  content: string;
  children: Token[] | null;
}
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (options: { html: boolean }) => {
  parse(src: string, env: object): Token[];
};
const markdownIt = new MarkdownIt({ html: true });

/** What the minutes promise to keep of a text (see minutes-roundtrip): one line where a line is all a place holds. */
const EDGE = /^[ \t]+|[ \t]+$/g;
const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.replace(EDGE, ''))
    .filter(Boolean);
const oneLine = (s: string) => lines(s).join(' ');

/**
 * The text markdown-it reads in an inline run: its text, a line break as a newline. Anything else it made of the run
 * (emphasis, code, a link, an image, HTML, strikethrough) shows as «type», so a text that became markup never
 * equals what was typed.
 */
function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((c) => (c.type === 'text' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? '\n' : `«${c.type}»`))
    .join('');
}

/** The file as markdown-it reads it: headings, paragraphs, list items and table rows, each with its text. */
function blocks(md: string): { kind: string; text: string; cells?: string[] }[] {
  const out: { kind: string; text: string; cells?: string[] }[] = [];
  const tokens = markdownIt.parse(md, {});
  let open = '';
  let row: string[] | null = null;
  for (const token of tokens) {
    if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close') out.push({ kind: 'row', text: row!.join(' | '), cells: row! });
    else if (token.type.endsWith('_open')) open = token.type.replace('_open', '');
    else if (token.type === 'inline') {
      if (row) row.push(inlineText(token));
      else out.push({ kind: open, text: inlineText(token) });
    } else if (token.type !== 'tbody_close' && token.type.endsWith('_close')) open = '';
    if (token.type === 'table_close') row = null;
    // A thematic break, a code block, a block of HTML: nothing the minutes write from typed text.
    if (['hr', 'code_block', 'fence', 'html_block'].includes(token.type)) out.push({ kind: token.type, text: token.content });
  }
  return out;
}

/**
 * Markdown's own characters, where they stand at a line's start, in its middle and in a table; and a tab inside a line
 * (markdownlint's MD010 would find a hard tab).
 */
const MARKUP = [
  '|',
  '<b>',
  '`',
  '*',
  '_',
  '[x](',
  '#',
  '---',
  '\\',
  '[x](http://a)',
  '`a|b`',
  '\\|',
  '*a*',
  '_a_',
  '- [x]',
  '> q',
  'tab\there',
];
const TYPED = MARKUP.flatMap((m) => [m, `${m} x`, `x ${m}`, `x${m}y ${m}`, `${m}${m}`, `a\n${m} b\n${m}`]);

let t: TestCore;
let base: MinutesSource;
beforeAll(async () => {
  t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'));
  base = t.core.services.minutes.source(await heldMeeting(t));
});
afterAll(() => t.close());

/** The fixture's minutes with every typed text (titles, names, notes, reasons, the decision, a commitment) as `s`. */
function typedEverywhere(s: string): MinutesSource {
  const d = structuredClone(base.detail);
  d.meeting.title = s;
  d.meeting.teamName = s;
  d.meeting.facilitatorName = s;
  d.attendees.forEach((a) => (a.name = s));
  d.items.forEach((item) => (item.title = s));
  d.items[1]!.notes = s;
  d.turns[0]!.name = s;
  d.turns[0]!.notes = s;
  const decision = d.decisions[0]!;
  decision.title = s;
  decision.decision = s;
  decision.rationale = s;
  decision.positions.forEach((p) => (p.memberName = s));
  decision.positions[1]!.reason = s;
  d.commitments.made[0]!.outcome = s;
  d.commitments.made[0]!.ownerName = s;
  d.feedback.entries[1]!.better = s;
  return { ...base, detail: d };
}

describe('minutes read by markdown-it, markdownlint and a GFM parser: nothing typed becomes markup', () => {
  it('keeps each typed text as text at line starts, in the middle and in tables, in the shape of the minutes', () => {
    const shape = (md: string) => blocks(md.slice(md.indexOf('\n---\n') + 5)).map((b) => `${b.kind}${b.cells ? b.cells.length : ''}`);
    const plain = shape(minutesMarkdown(typedEverywhere('plain')).content);
    for (const s of TYPED) {
      const md = minutesMarkdown(typedEverywhere(s)).content;
      const body = md.slice(md.indexOf('\n---\n') + 5);
      const read = blocks(body);
      // markdown-it: the same headings, lists, paragraphs and table rows as for a plain text, and the text as typed.
      expect(shape(md), s).toEqual(plain);
      const headings = read.filter((b) => b.kind === 'heading');
      expect(headings[0]!.text, s).toBe(`Minutes: ${oneLine(s)}, 2026-11-23`);
      expect(headings.map((h) => h.text)).toContain(`Item 2: ${oneLine(s)}`);
      const rows = read.filter((b) => b.kind === 'row').map((r) => r.cells!);
      expect(
        rows.slice(1, 4).map((r) => r[1]),
        s,
      ).toEqual([oneLine(s), oneLine(s), oneLine(s)]);
      expect(rows.find((r) => r[1] === 'Integrated (was block)')?.[2], s).toBe(oneLine(s));
      expect(
        rows.find((r) => r[2] === '2026-11-27'),
        s,
      ).toEqual([oneLine(s), oneLine(s), '2026-11-27']);
      const notesAt = read.findIndex((b) => b.kind === 'heading' && b.text === `Item 2: ${oneLine(s)}`);
      expect(read[notesAt + 1], s).toEqual({ kind: 'paragraph', text: lines(s).join('\n') });
      expect(read.map((b) => b.text).join('\n'), s).not.toMatch(/«/);

      // A GFM parser (mdast): no node but those the minutes make.
      const root = parseMarkdown(md);
      const markup = ['html', 'emphasis', 'strong', 'inlineCode', 'code', 'thematicBreak', 'blockquote', 'image', 'delete'];
      expect(
        markup.filter((type) => nodesOf(root, type).length > 0),
        s,
      ).toEqual([]);
      expect(nodesOf(root, 'link').length, s).toBe(0);
      // markdownlint's default rules (but line length) find nothing.
      expect(markdownlintFaults({ [JSON.stringify(s)]: md })).toEqual([]);
    }
  }, 120_000);
});
