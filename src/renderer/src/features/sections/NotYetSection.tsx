import type { ReactNode } from 'react';

/** An honest empty state for a part of Cadence that this version does not have yet. */
export function NotYetSection({ title, eyebrow, children }: { title: string; eyebrow: string; children: ReactNode }) {
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <p className="eyebrow">{eyebrow}</p>
          <h1>{title}</h1>
        </div>
      </header>
      <div className="card empty">
        <p className="lede">{children}</p>
        <span className="badge">Not in this version yet</span>
      </div>
    </div>
  );
}
