import type { TeamHealth } from '@shared/health';

const pct = (share: number) => `${Math.round(share * 100)}%`;
const one = (n: number) => n.toFixed(1);
const min = (ms: number) => `${Math.round(ms / 60_000)} min`;

function ratingLine(r: TeamHealth['ratings']): string {
  if (r.average === null) return 'No check-out ratings were given.';
  let trend = '';
  if (r.previousAverage !== null) {
    const [a, b] = [one(r.average), one(r.previousAverage)];
    trend = a === b ? ` (the same as the period before)` : ` (${a > b ? 'up' : 'down'} from ${b})`;
  }
  return `Ratings averaged ${one(r.average)}${trend}, from ${r.count} rating${r.count === 1 ? '' : 's'}.`;
}

function timeLine(t: TeamHealth['time']): string {
  const kept = t.meetings ? `${t.onTime} of ${t.meetings} meetings ended on time.` : '';
  const kinds = [...t.kinds]
    .filter((k) => k.overrun !== null && Math.abs(k.overrun) >= 0.05)
    .sort((a, b) => b.overrun! - a.overrun!)
    .slice(0, 4)
    .map(
      (k) =>
        `items of kind ${k.label} ran ${pct(Math.abs(k.overrun!))} ${k.overrun! > 0 ? 'over' : 'under'} (planned ${min(k.plannedMs)}, took ${min(k.actualMs)})`,
    );
  const over = kinds.join('; ');
  return [kept, over ? `${over.charAt(0).toUpperCase()}${over.slice(1)}.` : ''].filter(Boolean).join(' ');
}

function airtimeLine(a: TeamHealth['airtime']): string {
  if (a.members.length === 0) return '';
  const shares = a.members.map((m) => `${m.name} ${pct(m.share)}`).join(', ');
  return `Airtime: ${shares} (an equal share would be ${pct(a.equalShare!)}).`;
}

function followThroughLine(f: TeamHealth['followThrough']['team']): string {
  if (f.due === 0) return 'No commitments fell due.';
  const slips = f.slipped ? `; ${f.slipped} slipped` : '';
  return `Follow-through: ${f.doneOnTime} of ${f.due} commitments (${pct(f.doneOnTimeShare!)}) done by their first date${slips}.`;
}

function dissentLine(d: TeamHealth['dissent']): string {
  if (d.objections === 0) return `No objections on ${d.decisions} decision${d.decisions === 1 ? '' : 's'}.`;
  const how = d.byResolution.filter((r) => r.count > 0).map((r) => `${r.count} ${r.resolution}`);
  return `Dissent: ${d.objections} objection${d.objections === 1 ? '' : 's'} on ${d.decisionsWithDissent} of ${d.decisions} decisions (${how.join(', ')}).`;
}

/** The figures a retrospective starts from, as plain sentences for the "gather data" item's plan. */
export function retrospectiveNotes(h: TeamHealth, suggestions: string[]): string {
  const lines = [
    ratingLine(h.ratings),
    timeLine(h.time),
    airtimeLine(h.airtime),
    followThroughLine(h.followThrough.team),
    dissentLine(h.dissent),
  ].filter(Boolean);
  const asked = suggestions.slice(0, 5).map((s) => `  - “${s}”`);
  return [
    `Figures for ${h.from} to ${h.to} (${h.meetingsHeld} meeting${h.meetingsHeld === 1 ? '' : 's'} held):`,
    ...lines.map((l) => `- ${l}`),
    ...(asked.length ? ['- What would make meetings better, from the check-out rounds:', ...asked] : []),
  ].join('\n');
}
