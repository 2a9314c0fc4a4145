import { createHash } from 'node:crypto';
import { DECISION_STATUSES, decisionStatusLabel, positionRecord, resolutionLabel, stanceLabel, type DecisionLink } from '@shared/decisions';
import type { ExportedFile } from '@shared/planning';
import { fileSlug } from '../planning/file-names';
import { toZoned } from '../planning/zoned-time';
import { LOG_CSS, LOG_SCRIPT } from './decision-log-assets';
import type { DecisionExportScope, DecisionRecord } from './decision-records';
import { escapeHtml as e, htmlParagraphs } from './html-text';

const anchor = (n: number) => `decision-${String(n).padStart(4, '0')}`;

function section(title: string, html: string): string {
  return html ? `<h3>${e(title)}</h3>${html}` : '';
}

function article(record: DecisionRecord, n: number, anchorOf: (id: string) => string | null): string {
  const d = record.detail;
  const ref = (l: DecisionLink) => {
    const target = anchorOf(l.id);
    return target ? `<a href="#${target}">${e(l.title)}</a>` : `${e(l.title)} (not in this export)`;
  };
  const meta: [string, string][] = [
    ['Status', `<span class="status s-${d.status}">${e(decisionStatusLabel(d.status))}</span>`],
    ['Date', e(record.date)],
    ['Team', e(d.teamName)],
    ['Decision owner', e(d.ownerName ?? 'not named')],
    ['Decision right', e(d.decisionRight ?? 'not recorded')],
    ...(d.proposerName ? [['Proposed by', e(d.proposerName)] as [string, string]] : []),
    ['Meeting', e(d.meetingTitle ?? 'recorded outside a meeting')],
    ...(d.supersedes ? [[d.supersedeKind === 'reverses' ? 'Reverses' : 'Supersedes', ref(d.supersedes)] as [string, string]] : []),
    ...(d.replacedBy
      ? [[d.replacedBy.supersedeKind === 'reverses' ? 'Reversed by' : 'Superseded by', ref(d.replacedBy)] as [string, string]]
      : []),
    ['Review date', e(d.reviewDate ?? 'none set')],
    ...(d.tags.length ? [['Tags', e(d.tags.join(', '))] as [string, string]] : []),
  ];
  const options = d.options
    .map(
      (o) =>
        `<li><strong>${e(o.title)}</strong>${o.pros.trim() ? `<br>Good, because ${e(o.pros)}` : ''}${o.cons.trim() ? `<br>Bad, because ${e(o.cons)}` : ''}</li>`,
    )
    .join('');
  const positions = d.positions.length
    ? `<table><thead><tr><th>Member</th><th>Position</th><th>Reason</th></tr></thead><tbody>${d.positions
        .map((p) => `<tr><td>${e(p.memberName)}</td><td>${e(positionRecord(p, d.objections))}</td><td>${e(p.reason ?? '')}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const objections = d.objections
    .map((o) => {
      const outcome = o.resolution
        ? `${resolutionLabel(o.resolution)}${o.resolution === 'overruled' && o.resolvedByName ? ` by ${o.resolvedByName}` : ''}${o.escalatedTo ? ` to ${o.escalatedTo}` : ''}${o.resolutionNote ? `: ${o.resolutionNote}` : ''}${o.textAfter ? ` (the proposal became: ${o.textAfter})` : ''}`
        : 'Unresolved';
      return `<li>${e(`${o.memberName} (${stanceLabel(o.stance).toLowerCase()}): “${o.reason}”`)} → <strong>${e(outcome)}</strong></li>`;
    })
    .join('');
  const chain =
    d.chain.length > 1
      ? `<ol>${d.chain.map((l) => `<li>${l.id === d.id ? `<strong>${e(l.title)} (this decision)</strong>` : ref(l)} (${e(decisionStatusLabel(l.status))})</li>`).join('')}</ol>`
      : '';
  const amendments = d.amendments
    .map(
      (a) =>
        `<li>${e(`${toZoned(a.at, record.zone).date}: ${a.reason} (${a.changes.map((c) => `${c.field}: ${c.from} → ${c.to}`).join('; ')})`)}</li>`,
    )
    .join('');
  const outcome = htmlParagraphs(d.decision, d.status === 'proposed' || d.status === 'deferred' ? 'Proposal:' : 'Decision:');
  return `<article class="decision" id="${anchor(n)}" data-status="${e(d.status)}">
<h2><span class="num">${String(n).padStart(4, '0')}</span> ${e(d.title)}</h2>
<dl class="meta">${meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>
${section('Context and problem', htmlParagraphs(d.question, 'Question:') + htmlParagraphs(d.context))}
${section('Considered options', options ? `<ul>${options}</ul>` : '')}
${section('Decision outcome', outcome || '<p class="empty">Not written yet.</p>')}
${section('Rationale', htmlParagraphs(d.rationale))}
${section('Consequences', htmlParagraphs(d.risks, 'Risks acknowledged:') + htmlParagraphs(d.timeline, 'Expected timeline:'))}
${section('Positions', positions)}
${section('Objections and how each was resolved', objections ? `<ul>${objections}</ul>` : '')}
${section('Supersede chain', chain)}
${section('History', amendments ? `<ul>${amendments}</ul>` : '')}
</article>`;
}

/**
 * The decision log as one HTML file that works offline: every record, inline CSS, and a small
 * inline script for search and a status filter. Every piece of typed text is escaped; the page's
 * CSP allows only its own script (by hash) and inline styles, so it can load nothing from anywhere.
 */
export function decisionLogHtml(scope: DecisionExportScope, exportedOn: string): ExportedFile {
  const anchors = new Map(scope.records.map((r, i) => [r.detail.id, anchor(i + 1)]));
  const anchorOf = (id: string) => anchors.get(id) ?? null;
  const title = `Decision log: ${scope.title}`;
  const hash = createHash('sha256').update(LOG_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const statuses = DECISION_STATUSES.filter((s) => scope.records.some((r) => r.detail.status === s.status));
  const toc = scope.records
    .map(
      (r, i) =>
        `<li id="toc-${anchor(i + 1)}"><a href="#${anchor(i + 1)}"><span class="num">${String(i + 1).padStart(4, '0')}</span>${e(r.detail.title)}</a> <span class="status s-${r.detail.status}">${e(decisionStatusLabel(r.detail.status))}</span></li>`,
    )
    .join('\n');
  const content = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Cadence">
<title>${e(title)}</title>
<style>${LOG_CSS}</style>
</head>
<body>
<header class="top">
<h1>${e(title)}</h1>
<p class="lede">Exported from Cadence on ${e(exportedOn)}: ${scope.records.length} decision${scope.records.length === 1 ? '' : 's'}, oldest first. Works offline.</p>
<div class="controls" role="search">
<label for="q">Search</label><input id="q" type="search" placeholder="Words in titles, context, rationale, objections" autocomplete="off">
<label for="status">Status</label><select id="status"><option value="">All statuses</option>${statuses
    .map((s) => `<option value="${e(s.status)}">${e(s.label)}</option>`)
    .join('')}</select>
<span id="count" role="status" aria-live="polite"></span>
</div>
</header>
<div class="layout">
<nav class="toc" aria-label="Decisions"><ol>
${toc}
</ol></nav>
<main>
${scope.records.length ? scope.records.map((r, i) => article(r, i + 1, anchorOf)).join('\n') : '<p class="empty">No decisions recorded yet.</p>'}
</main>
</div>
<script>${LOG_SCRIPT}</script>
</body>
</html>
`;
  return { suggestedName: `${exportedOn}-${fileSlug(scope.title)}-decision-log.html`, content };
}
