import { useState } from 'react';

/** From / to dates for a figure's period; empty both means the default (the last 13 weeks). */
export function PeriodChooser({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (period: { from: string; to: string }) => void;
}) {
  return (
    <div className="log-filters" role="group" aria-label="Period">
      <label className="inline-field">
        From{' '}
        <input
          className="input"
          type="date"
          aria-label="Period from"
          value={from}
          onChange={(e) => onChange({ from: e.target.value, to })}
        />
      </label>
      <label className="inline-field">
        to{' '}
        <input className="input" type="date" aria-label="Period to" value={to} onChange={(e) => onChange({ from, to: e.target.value })} />
      </label>
      {(from || to) && (
        <button className="btn btn-sm" type="button" onClick={() => onChange({ from: '', to: '' })}>
          Last 13 weeks
        </button>
      )}
    </div>
  );
}

/** The chosen period's dates ('' for open), and the chooser's props. */
export function usePeriod() {
  const [period, setPeriod] = useState({ from: '', to: '' });
  return { ...period, onChange: setPeriod };
}
