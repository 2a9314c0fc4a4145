import type { List, ListItem, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';

/** Small builders for mdast trees; every piece of typed text enters the tree as a text node. */
export const text = (value: string): PhrasingContent => ({ type: 'text', value });
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
export const link = (url: string, value: string): PhrasingContent => ({ type: 'link', url, children: [text(oneLine(value))] });

/** Headings, list lines and table cells hold one line; longer text goes into paragraphs. */
export const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ').trim();

export const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(oneLine(value))] });

export const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });

/** Text split into paragraphs at blank lines; single newlines stay as line breaks within a paragraph. */
export function paragraphs(value: string, lead?: string): RootContent[] {
  const parts = value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.map((p, i) => {
    const lines = p.split(/\s*\n\s*/);
    const children: PhrasingContent[] = [];
    if (i === 0 && lead) children.push(strong(lead), text(' '));
    lines.forEach((line, n) => {
      if (n > 0) children.push({ type: 'break' });
      children.push(text(line));
    });
    return { type: 'paragraph', children };
  });
}

/** A bullet list; each line is either plain text or phrasing content (text with links). */
export function list(lines: (string | PhrasingContent[])[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: lines.map((line): ListItem => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: typeof line === 'string' ? [text(oneLine(line))] : line }],
    })),
  };
}

export type Cell = string | PhrasingContent;

export function table(header: string[], rows: Cell[][], align: ('left' | 'right')[]): RootContent {
  const cell = (c: Cell) => ({
    type: 'tableCell' as const,
    children: [typeof c === 'string' ? text(oneLine(c)) : c],
  });
  return {
    type: 'table',
    align,
    children: [
      { type: 'tableRow', children: header.map(cell) } as TableRow,
      ...rows.map((r): TableRow => ({ type: 'tableRow', children: r.map(cell) })),
    ],
  };
}

/**
 * Tables are not padded to line up: a padded column is measured in characters while a reader (and
 * markdownlint) sees wide letters such as 田 as two columns, and one longer title would re-pad
 * every row, so a new decision would show as a change to each line of the index in git.
 */
const GFM = [gfmToMarkdown({ tablePipeAlign: false })];

export function serialise(children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { extensions: GFM, bullet: '-' });
}

/** A table's columns: each row's line of an unpadded table depends on these and on the row alone. */
export interface TableColumns {
  header: string[];
  align: ('left' | 'right')[];
}

/** One row of an unpadded table as serialise writes it: the line under the header and the delimiter row. */
export function rowLine(columns: TableColumns, row: Cell[]): string {
  return serialise([table(columns.header, [row], columns.align)]).split('\n')[2]!;
}

/**
 * `blocks` and then a table, the same text serialise gives for them together, each row's line asked of `line`: a
 * table of thousands of rows (a decision index) costs a few hundred milliseconds to serialise, and a caller that
 * kept the lines of rows it wrote before answers those without serialising them again.
 */
export function serialiseWithTable(
  blocks: RootContent[],
  columns: TableColumns,
  rows: Cell[][],
  line: (row: Cell[]) => string = (row) => rowLine(columns, row),
): string {
  return serialise([...blocks, table(columns.header, [], columns.align)]) + rows.map((r) => `${line(r)}\n`).join('');
}
