import type { List, PhrasingContent, Root, RootContent, TableRow } from 'mdast';

/** CommonMark reads NUL as U+FFFD; the minutes say so themselves, so Markdown and HTML agree. */
export const text = (value: string) => ({ type: 'text' as const, value: value.replaceAll('\u0000', '\uFFFD') });
const cell = (value: string) => ({ type: 'tableCell' as const, children: [text(value)] });
const EDGE_BLANKS = /^[ \t]+|[ \t]+$/g;
const linesOf = (value: string) =>
  value
    .split(/\r\n?|\n/)
    .map((line) => line.replace(EDGE_BLANKS, ''))
    .filter(Boolean);
/**
 * Table cells, list lines and headings hold one line: line breaks fold into a space. Spaces and
 * tabs at the edges of a line carry nothing a reader sees, so they go everywhere.
 */
export const oneLine = (value: string) => linesOf(value).join(' ');
export const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(oneLine(value))] });
/**
 * Longer text keeps its lines; a blank line (or one of only spaces) starts a new paragraph. A line ends in a hard
 * break: a newline inside a paragraph is a soft break, which a code host renders as a space.
 */
export const paragraphs = (value: string): RootContent[] =>
  value
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/)
    .map(linesOf)
    .filter((lines) => lines.length > 0)
    .map((lines) => ({
      type: 'paragraph',
      children: lines.flatMap((line, i): PhrasingContent[] => (i === 0 ? [text(line)] : [{ type: 'break' }, text(line)])),
    }));
export const list = (lines: string[]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: lines.map((line) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(oneLine(line))] }] })),
});
export const table = (header: string[], rows: string[][], align: ('left' | 'right')[]): RootContent => ({
  type: 'table',
  align,
  children: [
    { type: 'tableRow', children: header.map(cell) } as TableRow,
    ...rows.map((r): TableRow => ({ type: 'tableRow', children: r.map((c) => cell(oneLine(c))) })),
  ],
});

/** Roughly how GitHub makes a heading's anchor: lower case, punctuation dropped, spaces as dashes. */
const anchorOf = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replaceAll(' ', '-');

/**
 * Every heading of the document different from the others, in its words and its anchor: a link to
 * "Check-in round" must land on one place, and markdownlint (MD024) counts a repeat as a fault. A
 * heading that would repeat an earlier one gets "(2)", "(3)" after it.
 */
export function uniqueHeadings(root: Root): Root {
  const seen = new Set<string>();
  for (const node of root.children) {
    if (node.type !== 'heading' || node.children.length !== 1 || node.children[0]!.type !== 'text') continue;
    const label = node.children[0]!;
    const base = label.value;
    let n = 1;
    while (seen.has(anchorOf(label.value)) || seen.has(label.value)) label.value = `${base} (${++n})`;
    seen.add(anchorOf(label.value));
    seen.add(label.value);
  }
  return root;
}
