import { heldWords, planWords } from './time-words';

/**
 * Planned agenda time against the meeting's length, with a clear warning when it overruns. A meeting held shows the
 * time it took instead: its agenda's plan ("55 of 45 min planned · 10 min over") read as if the meeting had run ten
 * minutes over, beside a header that said it was held from 10:02 to 10:46.
 */
export function TimeBudget({
  plannedMin,
  lengthMin,
  advise,
  heldMin = null,
}: {
  plannedMin: number;
  lengthMin: number;
  advise: boolean;
  heldMin?: number | null;
}) {
  const shownMin = heldMin ?? plannedMin;
  const over = shownMin - lengthMin;
  const share = Math.min(shownMin / Math.max(lengthMin, 1), 1);
  const left = heldMin === null ? planWords(over) : heldWords(over);
  return (
    <div className={`budget${over > 0 ? ' is-over' : ''}`}>
      <div className="budget-figures">
        <span className="budget-planned">
          <strong>{shownMin}</strong> of {lengthMin} min {heldMin === null ? 'planned' : `taken (agenda planned ${plannedMin})`}
        </span>
        <span className="budget-left">{left}</span>
      </div>
      <div
        className="budget-bar"
        role="meter"
        aria-label={heldMin === null ? 'Planned time against meeting length' : 'Time taken against meeting length'}
        aria-valuemin={0}
        aria-valuemax={lengthMin}
        aria-valuenow={shownMin}
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
