export interface Bar {
  value: number;
  /** A theme class: bar-planned, bar-actual, bar-over, bar-share… */
  kind: string;
}

export interface BarRow {
  key: string;
  label: string;
  bars: Bar[];
  /** Printed after the bars: the figures in words. */
  text: string;
}

const W = 640;
const LABEL = 180;
const TEXT = 160;
const BAR = 18;
const GAP = 14;

/** Horizontal bars, one row per thing, its name on the left and its figures in words on the right. */
export function BarRows({
  label,
  rows,
  max,
  marker,
}: {
  label: string;
  rows: BarRow[];
  max: number;
  marker?: { value: number; text: string };
}) {
  const plotW = W - LABEL - TEXT;
  const top = marker ? 30 : 6;
  const heights = rows.map((r) => r.bars.length * BAR + (r.bars.length - 1) * 2);
  const H = top + heights.reduce((s, h) => s + h + GAP, 0) + 4;
  const px = (v: number) => LABEL + (max > 0 ? (plotW * Math.min(v, max)) / max : 0);
  const tops = heights.map((_, n) => top + heights.slice(0, n).reduce((s, h) => s + h + GAP, 0));
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {rows.map((r, n) => {
        const rowTop = tops[n]!;
        const mid = rowTop + heights[n]! / 2;
        return (
          <g key={r.key}>
            <text className="chart-label" x={LABEL - 10} y={mid + 5} textAnchor="end">
              {r.label.length > 20 ? `${r.label.slice(0, 19)}…` : r.label}
            </text>
            <line className="chart-baseline" x1={LABEL} x2={LABEL} y1={rowTop - 3} y2={rowTop + heights[n]! + 3} />
            {r.bars.map((b, i) => (
              <rect
                key={i}
                className={`chart-bar ${b.kind}`}
                x={LABEL}
                y={rowTop + i * (BAR + 2)}
                width={Math.max(0, px(b.value) - LABEL)}
                height={BAR}
                rx={3}
              />
            ))}
            <text className="chart-value" x={W - TEXT + 8} y={mid + 5}>
              {r.text}
            </text>
          </g>
        );
      })}
      {marker && (
        <g className="chart-marker">
          <line x1={px(marker.value)} x2={px(marker.value)} y1={top - 6} y2={H - 2} />
          <text x={px(marker.value)} y={16} textAnchor="middle">
            {marker.text}
          </text>
        </g>
      )}
    </svg>
  );
}
