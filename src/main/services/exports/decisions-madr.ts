import type { RootContent } from 'mdast';
import { decisionStatusLabel } from '@shared/decisions';
import type { ExportedFile } from '@shared/planning';
import { fileSlug } from '../planning/file-names';
import type { DecisionExportScope, DecisionRecord } from './decision-records';
import type { MadrRender } from './madr-memo';
import { madrRecord, type MadrPlaces } from './madr-record';
import { heading, link, paragraph, serialise, serialiseWithTable, table, text, type Cell, type TableColumns } from './markdown-nodes';

export const MADR_INDEX = 'README.md';

/** `ADR-0007`: a decision's number in its team, kept for life. */
export const adrLabel = (number: number) => `ADR-${String(number).padStart(4, '0')}`;

/**
 * `0007-release-every-two-weeks.md`: the decision's number, then its title. Four digits at least, as MADR's NNNN and
 * adr-tools' `printf "%04d"`, which writes `10000-…` past 9999 (and reads numbers back as numbers). Widening every
 * number to five would rename each record already in a team's repository at the next export, so names past 9999
 * keep five digits and sort among the 1000s in a plain listing (`1000-`, `10000-`, `1001-`); the README's index
 * lists them in number order.
 */
export function madrFileName(number: number, title: string): string {
  return `${String(number).padStart(4, '0')}-${fileSlug(title)}.md`;
}

/** Names Windows keeps for devices, whatever follows a dot: a folder called `con` cannot be opened there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;

/** Each team's folder in an export of every team: its name as a file name, made unique, never a Windows device. */
function teamFolders(records: DecisionRecord[]): Map<string, string> {
  const folders = new Map<string, string>();
  const taken = new Set<string>();
  for (const r of records) {
    if (folders.has(r.detail.teamId)) continue;
    const slug = fileSlug(r.detail.teamName);
    const base = WINDOWS_DEVICE.test(slug) ? `${slug}-team` : slug;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    folders.set(r.detail.teamId, name);
  }
  return folders;
}

const INDEX_COLUMNS: TableColumns = {
  header: ['#', 'Decision', 'Status', 'Date', 'Owner'],
  align: ['left', 'left', 'left', 'left', 'left'],
};

function indexRows(records: DecisionRecord[], hrefOf: (r: DecisionRecord) => string): Cell[][] {
  return records.map((r) => [
    adrLabel(r.detail.number),
    link(hrefOf(r), r.detail.title),
    decisionStatusLabel(r.detail.status),
    r.date,
    r.detail.ownerName ?? '',
  ]);
}

const count = (n: number) => `${n} decision${n === 1 ? '' : 's'}`;

/**
 * The decisions of one team (or all) as a MADR folder: one file per decision named by its number
 * for life, and a README.md index. Nothing in it depends on the day of the export, so exporting
 * unchanged data again leaves `git diff` empty. Every team's export puts each team in a folder of its
 * own, since numbers are per team. `render` may answer records and index rows rendered before (MadrMemo).
 */
export function decisionsMadr(scope: DecisionExportScope, render?: MadrRender): ExportedFile[] {
  const records = [...scope.records].sort(
    (a, b) => (a.detail.teamId < b.detail.teamId ? -1 : a.detail.teamId > b.detail.teamId ? 1 : 0) || a.detail.number - b.detail.number,
  );
  const folders = scope.teamName === null ? teamFolders(records) : null;
  const byId = new Map(records.map((r) => [r.detail.id, r]));
  const folderOf = (r: DecisionRecord) => (folders ? `${folders.get(r.detail.teamId)}/` : '');
  // Each record's file name once (its file, its index row and every link to it want it): a slug walks Intl's grapheme
  // segmenter, which for a ten-year log cost more than all the rest of an export whose records were kept.
  const names = new Map(
    records.map((r) => {
      const make = () => madrFileName(r.detail.number, r.detail.title);
      return [r.detail.id, render ? render.fileName(r.detail.number, r.detail.title, make) : make()];
    }),
  );
  const nameOf = (r: DecisionRecord) => names.get(r.detail.id)!;
  const placesFrom = (from: DecisionRecord): MadrPlaces => ({
    label: (l) => adrLabel(l.number),
    href: (id) => {
      const to = byId.get(id);
      if (!to) return null;
      return folderOf(to) === folderOf(from) ? nameOf(to) : `../${folderOf(to)}${nameOf(to)}`;
    },
    slug: (id) => {
      const to = byId.get(id);
      return to ? nameOf(to).slice(0, -'.md'.length) : null;
    },
  });
  const files: ExportedFile[] = records.map((r) => ({
    suggestedName: `${folderOf(r)}${nameOf(r)}`,
    content: render ? render.record(r, placesFrom(r)) : madrRecord(r, placesFrom(r)),
  }));

  const about = 'Each file follows MADR 4.0 and keeps its number for life; a decision added later never renumbers the others.';
  if (!folders) {
    const intro = [heading(1, `Decisions: ${scope.title}`), paragraph(text(`${count(records.length)}. ${about}`))];
    const rows = indexRows(records, nameOf);
    const line = render && ((row: Cell[]) => render.indexRow(INDEX_COLUMNS, row));
    const index = records.length > 0 ? serialiseWithTable(intro, INDEX_COLUMNS, rows, line) : serialise(intro);
    return [...files, { suggestedName: MADR_INDEX, content: index }];
  }
  const top: RootContent[] = [
    heading(1, 'Decisions: All teams'),
    paragraph(text(`${count(records.length)}, in a folder per team. ${about}`)),
  ];
  for (const [teamId, folder] of folders) {
    const own = records.filter((r) => r.detail.teamId === teamId);
    const name = own[0]!.detail.teamName;
    files.push({
      suggestedName: `${folder}/${MADR_INDEX}`,
      content: serialise([
        heading(1, `Decisions: ${name}`),
        paragraph(text(`${count(own.length)}. ${about}`)),
        table(INDEX_COLUMNS.header, indexRows(own, nameOf), INDEX_COLUMNS.align),
      ]),
    });
    top.push(heading(2, name), paragraph(link(`${folder}/${MADR_INDEX}`, `${name}: ${count(own.length)}`)));
  }
  return [...files, { suggestedName: MADR_INDEX, content: serialise(top) }];
}
