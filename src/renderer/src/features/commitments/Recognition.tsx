import type { Commitment } from '@shared/commitments';

/** Follow-through worth celebrating: what was done since the last meeting. */
export function Recognition({ done, large = false }: { done: Commitment[]; large?: boolean }) {
  return (
    <section className={large ? 'projector-recognition' : 'card recognition'} aria-label="Done since the last meeting">
      <h2>{done.length ? 'Done since the last meeting' : 'Nothing marked done since the last meeting'}</h2>
      <ul>
        {done.map((c) => (
          <li key={c.id}>
            <strong>{c.ownerName}</strong> {c.outcome}
          </li>
        ))}
      </ul>
    </section>
  );
}
