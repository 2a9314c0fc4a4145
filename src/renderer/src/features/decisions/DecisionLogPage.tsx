import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { DECISION_STATUSES, decisionCount, type DecisionLogRow, type DecisionStatus } from '@shared/decisions';
import { useQuery } from '@renderer/api/hooks';
import { href } from '@renderer/app/router';
import { useFormat } from '@renderer/app/settings-context';
import { useTeamZones } from '@renderer/features/teams/use-team-zone';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { ExportLog } from './ExportLog';
import { Marked } from './Marked';
import { StatusBadge } from './StatusBadge';
import { useLogPages, type LogFilters } from './use-log-pages';

const ROW_HEIGHT = 104;

function LogRow({ row }: { row: DecisionLogRow }) {
  const { date, day } = useFormat();
  const zoneOf = useTeamZones();
  return (
    <a className="log-row" href={href({ name: 'decision', decisionId: row.id })}>
      <div className="log-row-top">
        <span className="log-title">
          <Marked text={row.titleMarked} />
        </span>
        <span className="log-badges">
          {row.hasDissent && <span className="badge badge-warn">Dissent</span>}
          <StatusBadge status={row.status} />
        </span>
      </div>
      <div className="log-meta">
        {date(row.loggedAt, zoneOf(row.teamId))} · {row.teamName}
        {row.ownerName && ` · owner ${row.ownerName}`}
        {row.meetingTitle && ` · ${row.meetingTitle}`}
        {row.reviewDate && ` · review ${day(row.reviewDate)}`}
        {row.tags.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
      </div>
      {row.snippet && (
        <p className="log-snippet">
          <Marked text={row.snippet} />
        </p>
      )}
    </a>
  );
}

/** Every decision, searchable and filterable offline, virtualised so years of them stay light. */
export function DecisionLogPage() {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [teamId, setTeamId] = useState('');
  const [statuses, setStatuses] = useState<DecisionStatus[]>([]);
  const [ownerId, setOwnerId] = useState('');
  const [tag, setTag] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [hasDissent, setHasDissent] = useState(false);
  const [reviewDue, setReviewDue] = useState(false);
  const [sort, setSort] = useState<'relevance' | 'newest' | 'oldest'>('relevance');
  const facets = useQuery('decisions.facets', { teamId: teamId || null });

  useEffect(() => {
    const t = window.setTimeout(() => setQuery(typed), 150);
    return () => window.clearTimeout(t);
  }, [typed]);

  const filters: LogFilters = {
    query,
    teamId: teamId || null,
    statuses,
    ownerId: ownerId || null,
    tag: tag || null,
    from: from || null,
    to: to || null,
    hasDissent,
    reviewDue,
    sort,
  };
  const log = useLogPages(filters);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- this page is not memoised; the virtualiser re-renders it as it scrolls
  const virtualizer = useVirtualizer({
    // Past a bound ("more than 2,000") one more row stands for the rest: reaching it reads the next page.
    count: log.total === null ? 0 : log.total + (log.totalIsExact ? 0 : 1),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (log.total === null || log.total === 0) return;
    log.ensure(first);
    log.ensure(last);
  }, [first, last, log]);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [JSON.stringify(filters)]); // eslint-disable-line react-hooks/exhaustive-deps

  const toggleStatus = (s: DecisionStatus) => setStatuses(statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s]);
  const f = facets.data;
  const anyFilter = query || teamId || statuses.length || ownerId || tag || from || to || hasDissent || reviewDue;

  return (
    <div className="page decision-log">
      <header className="page-head">
        <div>
          <p className="eyebrow">Decision log</p>
          <h1>Decisions</h1>
          <p className="lede">Every decision with its rationale and dissent, on this computer. Search works offline.</p>
        </div>
        <ExportLog teamId={teamId || null} />
      </header>
      <div className="log-controls card">
        <input
          className="input log-search"
          type="search"
          aria-label="Search decisions"
          placeholder="Search titles, context, decisions, rationale and objections"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoFocus
        />
        <div className="log-filters">
          {f && f.teams.length > 1 && (
            <select className="input" aria-label="Team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">All teams</option>
              {f.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
          <div className="chip-group" role="group" aria-label="Status">
            {DECISION_STATUSES.map((s) => (
              <label key={s.status} className={`chip${statuses.includes(s.status) ? ' is-on' : ''}`}>
                <input type="checkbox" checked={statuses.includes(s.status)} onChange={() => toggleStatus(s.status)} />
                {s.label}
              </label>
            ))}
          </div>
          <label className={`chip${hasDissent ? ' is-on' : ''}`}>
            <input type="checkbox" checked={hasDissent} onChange={(e) => setHasDissent(e.target.checked)} />
            Has dissent
          </label>
          <label className={`chip${reviewDue ? ' is-on' : ''}`}>
            <input type="checkbox" checked={reviewDue} onChange={(e) => setReviewDue(e.target.checked)} />
            Review due
          </label>
          <select className="input" aria-label="Owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">Any owner</option>
            {f?.owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <select className="input" aria-label="Tag" value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">Any tag</option>
            {f?.tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <label className="inline-field">
            From <input className="input" type="date" aria-label="From date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="inline-field">
            to <input className="input" type="date" aria-label="To date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <select className="input" aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value as typeof sort)}>
            <option value="relevance">Best match first</option>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </div>
      </div>
      <div className="log-summary" aria-live="polite">
        {log.total === null ? 'Loading…' : decisionCount({ total: log.total, totalIsExact: log.totalIsExact })}
        {f && anyFilter ? ` of ${f.total.toLocaleString()}` : ''}
        {log.notice && <span className="log-notice"> · {log.notice}</span>}
      </div>
      <ErrorAlert error={log.error} />
      {log.total === 0 && !anyFilter && (
        <div className="card empty">
          <p className="lede">
            No decisions yet. Proposals decided in a meeting&rsquo;s proposal item appear here, with their rationale and dissent.
          </p>
        </div>
      )}
      <div className="log-scroller" ref={scroller} role="list" aria-label="Decisions">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const row = log.rowAt(v.index);
            return (
              // Measured, not a fixed height: a decision with no matched excerpt is a line shorter, not an empty band.
              <div
                key={v.key}
                ref={virtualizer.measureElement}
                data-index={v.index}
                role="listitem"
                className="log-slot"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
              >
                {row ? <LogRow row={row} /> : <div className="log-row is-loading" aria-busy="true" />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
