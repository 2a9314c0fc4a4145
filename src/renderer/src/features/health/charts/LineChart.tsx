export interface LineSeries {
  name: string;
  /** Values by x key; a missing or null value leaves a gap in the line. */
  values: Map<string, number | null>;
  average?: number | null;
}

const W = 640;
const H = 280;
const M = { left: 76, right: 84, top: 30, bottom: 44 };

/**
 * A line per series over shared x slots (one per meeting), values printed at each point so the
 * chart reads from the back of a room. Colours come from the theme through CSS classes.
 */
export function LineChart({
  label,
  x,
  series,
  domain,
  ticks,
  format,
  yTitle,
}: {
  label: string;
  x: { key: string; label: string }[];
  series: LineSeries[];
  domain: [number, number];
  ticks: number[];
  format: (v: number) => string;
  yTitle: string;
}) {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, x.length);
  const px = (i: number) => M.left + slot * (i + 0.5);
  const py = (v: number) => M.top + plotH * (1 - (v - domain[0]) / (domain[1] - domain[0]));
  const every = Math.ceil(x.length / 12);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <text className="chart-axis-title" x={14} y={M.top + plotH / 2} transform={`rotate(-90 14 ${M.top + plotH / 2})`} textAnchor="middle">
        {yTitle}
      </text>
      {ticks.map((t) => (
        <g key={t}>
          <line className="chart-grid" x1={M.left} x2={W - M.right} y1={py(t)} y2={py(t)} />
          <text className="chart-tick" x={M.left - 8} y={py(t) + 5} textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
      {x.map((p, i) =>
        i % every === 0 ? (
          <text key={p.key} className="chart-tick" x={px(i)} y={H - M.bottom + 26} textAnchor="middle">
            {p.label}
          </text>
        ) : null,
      )}
      {series.map((s, n) => {
        const pts = x.map((p, i) => ({ i, v: s.values.get(p.key) })).filter((p): p is { i: number; v: number } => p.v != null);
        const path = pts.map((p, k) => `${k === 0 ? 'M' : 'L'}${px(p.i)},${py(p.v)}`).join(' ');
        return (
          <g key={s.name} className={`chart-series series-${n % 4}`}>
            {s.average != null && (
              <g className="chart-average">
                <line x1={M.left} x2={W - M.right} y1={py(s.average)} y2={py(s.average)} />
                <text x={W - M.right + 6} y={py(s.average) + 5}>
                  avg {format(s.average)}
                </text>
              </g>
            )}
            <path d={path} className="chart-line" />
            {pts.map((p) => (
              <g key={p.i}>
                <circle cx={px(p.i)} cy={py(p.v)} r={5} className="chart-dot" />
                <text className="chart-value" x={px(p.i)} y={py(p.v) - 12} textAnchor="middle">
                  {format(p.v)}
                </text>
              </g>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
