import type { PhrasingContent, RootContent } from 'mdast';
import { Document } from 'yaml';
import {
  decisionStatusLabel,
  positionRecord,
  resolutionLabel,
  stanceLabel,
  type DecisionDetail,
  type DecisionLink,
} from '@shared/decisions';
import { toZoned } from '../planning/zoned-time';
import type { DecisionRecord } from './decision-records';
import { heading, link, list, oneLine, paragraph, paragraphs, serialise, strong, table, text } from './markdown-nodes';
import { afterBecause } from './because';
import { frontMatterYaml, quoteForYaml11Readers } from './yaml-readers';

/** Where a decision's file is, seen from the record being written: its link and its label, or null when it is not exported. */
export interface MadrPlaces {
  /** `ADR-0007`: the decision's number in its team, for life. */
  label(link: Pick<DecisionLink, 'number'>): string;
  /** The relative path of its file from this record's folder, or null when it is not in this export. */
  href(id: string): string | null;
  /** Its file name without `.md`: the slug log4brains knows it by. */
  slug(id: string): string | null;
}

const DECIDED = new Set(['accepted', 'superseded', 'reversed']);

/** A reference to another decision: a link to its file, or its label and title when it is not in this export. */
function ref(l: DecisionLink, places: MadrPlaces, withTitle = true): PhrasingContent[] {
  const href = places.href(l.id);
  const title = withTitle ? ` ${oneLine(l.title)}` : '';
  return href ? [link(href, `${places.label(l)}${title}`)] : [text(`${places.label(l)}${title} (not in this export)`)];
}

/**
 * The status as MADR and log4brains write it: a word they know, or `superseded by` a link for a
 * decision something replaced (a reversal too: log4brains knows no other way to follow the chain;
 * "More Information" says which). `linkText` is what the link shows: MADR's `ADR-0005`, or the slug
 * log4brains reads from the link's text to find the superseding record.
 */
function status(
  d: DecisionDetail,
  places: MadrPlaces,
  linkText: 'label' | 'slug',
): { word: string; link?: { text: string; href: string } } {
  if ((d.status !== 'superseded' && d.status !== 'reversed') || !d.replacedBy) return { word: d.status };
  const by = d.replacedBy;
  const href = places.href(by.id);
  if (!href) return { word: `superseded by ${places.label(by)}` };
  return {
    word: 'superseded by ',
    link: { text: linkText === 'slug' ? (places.slug(by.id) ?? places.label(by)) : places.label(by), href },
  };
}

/** The status in YAML: the Markdown link written out, as MADR's template shows it. */
function statusText(d: DecisionDetail, places: MadrPlaces): string {
  const s = status(d, places, 'label');
  return s.link ? `${s.word}[${s.link.text}](${s.link.href})` : s.word;
}

/** The status in the metadata list, its link a node of the tree. */
function statusLine(d: DecisionDetail, places: MadrPlaces): PhrasingContent[] {
  const s = status(d, places, 'slug');
  return [text(`Status: ${s.word}`), ...(s.link ? [link(s.link.href, s.link.text)] : [])];
}

/**
 * MADR 4.0's front matter, with lists in flow style (`[Ana, Ben]`) and a blank line before the
 * closing `---`. log4brains reads no front matter: it parses the file as Markdown, where a block
 * list in the YAML would be taken for its metadata list, and YAML lines right above `---` would
 * become a heading that ends its search before the metadata list under the title.
 */
function frontMatter(d: DecisionDetail, record: DecisionRecord, people: People, places: MadrPlaces): string {
  const doc = new Document({
    status: statusText(d, places),
    date: record.date,
    'decision-makers': people.makers,
    consulted: people.consulted,
    informed: people.informed,
  });
  for (const pair of (doc.contents as { items: { value: { flow?: boolean } }[] }).items) {
    if (Array.isArray((pair.value as { items?: unknown }).items)) pair.value.flow = true;
  }
  quoteForYaml11Readers(doc, ['date']);
  return `---\n${frontMatterYaml(doc, { lineWidth: 0, flowCollectionPadding: false })}\n---\n\n`;
}

interface People {
  makers: string[];
  consulted: string[];
  informed: string[];
}

/** The decision owner decides; everyone else who took a position was consulted; the rest of the team was informed. */
function people(d: DecisionDetail, record: DecisionRecord): People {
  const makers = d.ownerName ? [d.ownerName] : [];
  const consulted = d.positions.map((p) => p.memberName).filter((name) => !makers.includes(name));
  const informed = record.teamMembers.filter((name) => !makers.includes(name) && !consulted.includes(name));
  return { makers, consulted, informed };
}

/** Everyone the record names, whose names keep their capitals after "because". */
function namesIn(d: DecisionDetail): string[] {
  return [d.ownerName, d.proposerName, ...d.positions.map((p) => p.memberName)].filter((n): n is string => !!n);
}

function outcome(d: DecisionDetail): RootContent[] {
  const out: RootContent[] = [];
  const because = (s: string) => afterBecause(s, namesIn(d));
  if (DECIDED.has(d.status)) {
    // The option recorded as chosen; with options but none recorded, the record says so rather than guess.
    const option = d.options.find((o) => o.title === d.chosenOption) ?? null;
    const rationale = oneLine(d.rationale);
    if (option || d.options.length === 0) {
      const title = option ? option.title : d.title;
      out.push(paragraph(text(`Chosen option: "${oneLine(title)}"${rationale ? `, because ${because(rationale)}` : ''}`)));
    } else {
      out.push(paragraph(text('This record does not say which of the considered options was chosen.')));
      if (rationale) out.push(paragraph(text(`Rationale: ${rationale}`)));
    }
    out.push(...paragraphs(d.decision, 'Decision:'));
    const good = option?.pros.trim() ? [`Good, because ${because(option.pros)}`] : [];
    const bad = [...(option?.cons.trim() ? [option.cons] : []), ...(d.risks.trim() ? [d.risks] : [])];
    if (good.length + bad.length > 0)
      out.push(heading(3, 'Consequences'), list([...good, ...bad.map((b) => `Bad, because ${because(b)}`)]));
    return out;
  }
  const state =
    d.status === 'rejected'
      ? 'Rejected: the team decided against this proposal.'
      : d.status === 'deferred'
        ? 'Deferred: not decided yet.'
        : 'Proposed: not decided yet.';
  out.push(paragraph(text(state)), ...paragraphs(d.decision, 'Proposal:'));
  return out;
}

function objectionLine(o: DecisionDetail['objections'][number]): string {
  const outcomeText = o.resolution
    ? `${resolutionLabel(o.resolution)}${o.resolution === 'overruled' && o.resolvedByName ? ` by ${o.resolvedByName}` : ''}` +
      `${o.escalatedTo ? ` to ${o.escalatedTo}` : ''}${o.resolutionNote ? `: ${o.resolutionNote}` : ''}` +
      `${o.textAfter ? ` (the proposal became: ${o.textAfter})` : ''}`
    : 'Unresolved';
  return `${o.memberName} (${stanceLabel(o.stance).toLowerCase()}): “${o.reason}” → ${outcomeText}`;
}

/** Who, where and when beyond the front matter, then positions, objections, the supersede chain and history. */
function moreInformation(d: DecisionDetail, record: DecisionRecord, places: MadrPlaces): RootContent[] {
  const facts: (string | PhrasingContent[])[] = [
    `Team: ${d.teamName}`,
    d.meetingTitle ? `Meeting: ${d.meetingTitle}` : 'Recorded outside a meeting',
    `Decision right: ${d.decisionRight ?? 'not recorded'}`,
    ...(d.proposerName ? [`Proposed by: ${d.proposerName}`] : []),
    ...(d.supersedes ? [[text(d.supersedeKind === 'reverses' ? 'Reverses ' : 'Supersedes '), ...ref(d.supersedes, places)]] : []),
    ...(d.replacedBy
      ? [[text(d.replacedBy.supersedeKind === 'reverses' ? 'Reversed by ' : 'Superseded by '), ...ref(d.replacedBy, places)]]
      : []),
    ...(d.timeline.trim() ? [`Expected timeline: ${d.timeline}`] : []),
    `Review date: ${d.reviewDate ?? 'none set'}`,
    ...(d.tags.length ? [`Tags: ${d.tags.join(', ')}`] : []),
    ...(d.confirmedAt && d.meetingId ? ['Read back and confirmed by the room.'] : []),
  ];
  const out: RootContent[] = [heading(2, 'More Information'), list(facts)];
  if (d.positions.length > 0) {
    out.push(
      heading(3, 'Positions'),
      table(
        ['Member', 'Position', 'Reason'],
        d.positions.map((p) => [p.memberName, positionRecord(p, d.objections), p.reason ?? '']),
        ['left', 'left', 'left'],
      ),
    );
  }
  if (d.objections.length > 0) out.push(heading(3, 'Objections and how each was resolved'), list(d.objections.map(objectionLine)));
  if (d.chain.length > 1) {
    out.push(heading(3, 'Supersede chain'), {
      type: 'list',
      ordered: true,
      spread: false,
      children: d.chain.map((l) => ({
        type: 'listItem',
        spread: false,
        children: [
          paragraph(
            ...(l.id === d.id ? [strong(`${places.label(l)} ${oneLine(l.title)} (this decision)`)] : ref(l, places)),
            text(` (${decisionStatusLabel(l.status)})`),
          ),
        ],
      })),
    } as RootContent);
  }
  // "History", as the decision's page calls it: besides amendments after the meeting it keeps the changes of status
  // in the room (deferred, taken up again, accepted), which are not amendments.
  if (d.amendments.length > 0) {
    out.push(
      heading(3, 'History'),
      list(
        d.amendments.map(
          (a) => `${toZoned(a.at, record.zone).date}: ${a.reason} (${a.changes.map((c) => `${c.field}: ${c.from} → ${c.to}`).join('; ')})`,
        ),
      ),
    );
  }
  return out;
}

/** markdownlint (MD024) and anchors want each heading once: a repeated one (an option titled "Positions") gets a number. */
function uniqueHeadings(body: RootContent[]): RootContent[] {
  const seen = new Map<string, number>();
  for (const node of body) {
    if (node.type !== 'heading' || node.children[0]?.type !== 'text') continue;
    const words = node.children[0].value;
    const count = (seen.get(words) ?? 0) + 1;
    seen.set(words, count);
    if (count > 1) node.children[0].value = `${words} (${count})`;
  }
  return body;
}

/**
 * One decision as a MADR 4.0 file: front matter, the title, the metadata list log4brains reads
 * (the same status, date and decision-makers as the front matter), then MADR's sections. The body is
 * an mdast tree, so no title or note can change its structure.
 */
/**
 * A decider's name as log4brains reads the `- Deciders:` line, which it splits at every comma: a comma in one name
 * ("Okafor, Maya") is written as the low comma-like mark U+201A so the name stays one decider. The front matter's
 * `decision-makers` keeps the name exactly.
 */
const oneDecider = (name: string) => name.replaceAll(',', '\u201a');

export function madrRecord(record: DecisionRecord, places: MadrPlaces): string {
  const d = record.detail;
  const who = people(d, record);
  const body: RootContent[] = [
    heading(1, d.title),
    list([
      statusLine(d, places),
      `Date: ${record.date}`,
      ...(who.makers.length ? [`Deciders: ${who.makers.map(oneDecider).join(', ')}`] : []),
    ]),
    heading(2, 'Context and Problem Statement'),
  ];
  const problem = [...paragraphs(d.question, 'Question:'), ...paragraphs(d.context)];
  body.push(...(problem.length ? problem : [paragraph(text('Not recorded.'))]));
  body.push(heading(2, 'Considered Options'), list(d.options.length ? d.options.map((o) => o.title) : [d.title]));
  body.push(heading(2, 'Decision Outcome'), ...outcome(d));
  const argued = d.options.filter((o) => o.pros.trim() || o.cons.trim());
  if (argued.length > 0) {
    body.push(heading(2, 'Pros and Cons of the Options'));
    for (const o of argued) {
      body.push(heading(3, o.title));
      const because = (s: string) => afterBecause(s, namesIn(d));
      body.push(
        list([
          ...(o.pros.trim() ? [`Good, because ${because(o.pros)}`] : []),
          ...(o.cons.trim() ? [`Bad, because ${because(o.cons)}`] : []),
        ]),
      );
    }
  }
  body.push(...moreInformation(d, record, places));
  return `${frontMatter(d, record, who, places)}${serialise(uniqueHeadings(body))}`;
}
