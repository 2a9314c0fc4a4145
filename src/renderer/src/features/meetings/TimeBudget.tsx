/** Planned agenda time against the meeting's length, with a clear warning when it overruns. */
export function TimeBudget({ plannedMin, lengthMin, advise }: { plannedMin: number; lengthMin: number; advise: boolean }) {
  const over = plannedMin - lengthMin;
  const share = Math.min(plannedMin / Math.max(lengthMin, 1), 1);
  return (
    <div className={`budget${over > 0 ? ' is-over' : ''}`}>
      <div className="budget-figures">
        <span className="budget-planned">
          <strong>{plannedMin}</strong> of {lengthMin} min planned
        </span>
        <span className="budget-left">{over > 0 ? `${over} min over` : `${-over} min to spare`}</span>
      </div>
      <div
        className="budget-bar"
        role="meter"
        aria-label="Planned time against meeting length"
        aria-valuemin={0}
        aria-valuemax={lengthMin}
        aria-valuenow={plannedMin}
      >
        <span style={{ width: `${share * 100}%` }} />
      </div>
      {over > 0 && advise && (
        <p className="alert alert-warn" role="alert">
          The agenda runs {over} minutes over the {lengthMin}-minute meeting. Shorten or remove items, or lengthen the meeting.
        </p>
      )}
    </div>
  );
}
