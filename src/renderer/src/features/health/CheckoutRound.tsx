import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MeetingDetail } from '@shared/planning';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { AnonymousRating } from './AnonymousRating';
import { complete, one, raters } from './feedback-model';
import { usePanelKeys } from '../live/panel-keys';
import type { PanelChoice } from '../live/console-keys';

const RATINGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Who the check-out round's speaker is: the console passes it beside the steady detail, which a turn leaves as it was. */
export interface CheckoutSpeaker {
  turnId: string;
  attendeeId: string;
}

/**
 * The check-out round: one person at a time, one key for the rating (0 is 10), taken without focusing
 * anything. A rating moves on to the next person at once, so 8, 7, 9 rates three people in a row; the
 * sentence box opens for the person just rated but never takes focus (a digit typed into it would be
 * lost as a rating): the facilitator clicks into it to write their words, and Enter saves them.
 *
 * While the round runs, the person rated is the round's speaker, the one the projector shows: the two were kept apart
 * (a rating moved this list on, the round stayed with the person before), so the room read one name while the console
 * rated another. A rating of the speaker then ends their turn, and the next rating waits until the round has moved
 * on. Once everyone has had their turn, ↑/↓ (or a click on a name) picks anyone, to correct a rating.
 */
export function CheckoutRound({
  detail,
  speaker = null,
  disabled = false,
}: {
  detail: MeetingDetail;
  speaker?: CheckoutSpeaker | null;
  disabled?: boolean;
}) {
  const item = detail.currentItemId;
  const position = new Map(detail.turns.filter((t) => t.agendaItemId === item).map((t) => [t.attendeeId, t.position]));
  // In the round's order (shuffled or rotated too), so the list reads as the round goes.
  const people = raters(detail.attendees).sort((a, b) => (position.get(a.id) ?? Infinity) - (position.get(b.id) ?? Infinity));
  const feedback = detail.feedback;
  const given = new Map(feedback.entries.filter((e) => e.attendeeId !== null).map((e) => [e.attendeeId!, e]));
  const [free, setCursor] = useState(() =>
    Math.max(
      0,
      people.findIndex((p) => !given.has(p.id)),
    ),
  );
  const speakerIndex = speaker ? people.findIndex((p) => p.id === speaker.attendeeId) : -1;
  const cursor = speakerIndex >= 0 ? speakerIndex : free;
  // The speaker's turn a rating ended, until the round shows the next one: a digit typed meanwhile waits (below).
  const [endedTurn, setEndedTurn] = useState<string | null>(null);
  const moving = endedTurn !== null && speaker?.turnId === endedTurn;
  // Digits typed while the round moves on wait for the next speaker, in order: a quick 8, 0, 5 rates three people, each
  // the one the projector shows by then, and no digit is lost (walk18 ignored them, so a quick facilitator lost two).
  const waiting = useRef<number[]>([]);
  const turn = useMutation('live.turn');
  // A rating is one key that saves at once; the sentence after it is a form.
  const [open, setOpen] = useState(false);
  const action = useMutation();
  const meetingId = detail.meeting.id;
  const form = useForm('feedback.give', {
    initial: { attendeeId: '', rating: 0, better: '' },
    clears: [],
    toInput: (v) => ({ meetingId, attendeeId: v.attendeeId, rating: v.rating, better: v.better.trim() || null }),
    // The box closes (the rating already moved the cursor on), unless the sentence was changed while it saved.
    onSaved: (_out, sent, kept) => {
      if (kept.better === sent.better) setOpen(false);
    },
  });
  const asking = open ? form.values : null;
  const unchanged = asking !== null && asking.better.trim() === (given.get(asking.attendeeId)?.better ?? '');

  async function rate(attendeeId: string, rating: number) {
    if (disabled || moving) return;
    const speaking = speaker && speaker.attendeeId === attendeeId ? speaker.turnId : null;
    if (speaking) {
      setEndedTurn(speaking);
      // The list's own cursor stays with them: once the round is over it is the one the sentence box asks about (it
      // was left where the page loaded, so a digit then re-rated someone else than the box named).
      setCursor(people.findIndex((p) => p.id === attendeeId));
    }
    // The cursor moves before the save answers, so a quick next digit rates the next person, not this one again.
    else setCursor(after(attendeeId));
    const saved = await action.run('feedback.give', { meetingId, attendeeId, rating, better: given.get(attendeeId)?.better || null });
    // The speaker rated, their turn ends (named, so a turn another window already ended is not ended twice).
    const moved = saved && speaking !== null && (await turn.run({ meetingId, action: 'next', turnId: speaking }));
    if (speaking && !moved) {
      // The round stays with this speaker, so the digits typed for the next ones are not theirs: they are dropped, and
      // the error says why.
      waiting.current = [];
      setEndedTurn(null);
    }
    if (saved) {
      form.set('attendeeId', attendeeId);
      form.set('rating', rating);
      form.set('better', given.get(attendeeId)?.better ?? '');
      setOpen(true);
    } else setCursor(people.findIndex((p) => p.id === attendeeId));
  }

  /** The next person after this one who has not rated yet (this one again when nobody after them is left). */
  function after(attendeeId: string): number {
    const taken = new Set([...given.keys(), attendeeId]);
    const index = people.findIndex((p) => p.id === attendeeId);
    const found = people.findIndex((p, i) => i > index && !taken.has(p.id));
    return found >= 0 ? found : index;
  }

  function saveSentence(event: React.FormEvent) {
    event.preventDefault();
    if (!asking) return;
    if (unchanged) setOpen(false);
    else void form.submit();
  }

  // The round has moved on: the next waiting digit rates the new speaker; once the round is over (no speaker), what
  // still waits has nobody to rate and is dropped rather than given to whoever the list's cursor is on.
  const rateRef = useRef(rate);
  useLayoutEffect(() => {
    rateRef.current = rate;
  });
  const speakerId = speaker?.attendeeId ?? null;
  useEffect(() => {
    if (moving) return;
    const next = waiting.current.shift();
    if (next === undefined) return;
    if (speakerId === null) waiting.current = [];
    else void rateRef.current(speakerId, next);
  }, [moving, speakerId]);

  usePanelKeys(speakerIndex >= 0 ? 'check-out-round' : 'check-out', (choice: PanelChoice) => {
    if (choice.type === 'move') {
      // While the round runs, its speaker is the one rated; the round's own keys move it.
      if (speakerIndex < 0) setCursor((c) => Math.min(people.length - 1, Math.max(0, c + choice.by)));
      return;
    }
    if (moving && !disabled) {
      waiting.current.push(Number(choice.value));
      return;
    }
    const person = people[cursor];
    if (person) void rate(person.id, Number(choice.value));
  });

  const askingName = people.find((p) => p.id === asking?.attendeeId)?.name;
  return (
    <section className="card checkout-round" aria-labelledby="checkout-heading">
      <div className="round-head">
        <h2 id="checkout-heading">Check-out ratings</h2>
        <span className="badge" aria-live="polite">
          {feedback.count} of {feedback.expected} rated
          {complete(feedback) && feedback.average !== null ? ` · average ${one(feedback.average)}` : ''}
        </span>
      </div>
      <div className="go-round" role="group" aria-label="Check-out ratings, person by person">
        <p className="hint">
          {speakerIndex >= 0
            ? `1–9, or 0 for 10, rates ${people[speakerIndex]!.name}, who is speaking; the round then moves on · click the sentence box to add one (optional), Enter saves it`
            : '1–9, or 0 for 10 · ↑↓ person · click the sentence box to add one (optional), Enter saves it'}
        </p>
        {people.length === 0 && <p className="muted-note">Mark who is present to take ratings.</p>}
        {feedback.namesWithheld && (
          <p className="muted-note">
            A rating was given anonymously, so who has rated and what each gave are no longer shown: that would tell who gave the anonymous
            one. Rating someone again still replaces their rating.
          </p>
        )}
        <ol className="go-round-list">
          {people.map((p, i) => {
            const entry = given.get(p.id);
            return (
              <li key={p.id} className={i === cursor ? 'is-cursor' : ''} aria-current={i === cursor ? 'true' : undefined}>
                <button type="button" className="go-round-name" onClick={() => speakerIndex < 0 && setCursor(i)} tabIndex={-1}>
                  {p.name}
                </button>
                {!feedback.namesWithheld && (
                  <span className="checkout-given">
                    {entry ? <strong className="rating-chip">{entry.rating}</strong> : <span className="muted-note">not rated yet</span>}
                  </span>
                )}
                {i === cursor && (
                  <span className="rating-buttons">
                    {RATINGS.map((r) => (
                      <button
                        key={r}
                        type="button"
                        className="btn btn-sm"
                        aria-pressed={entry?.rating === r}
                        aria-label={`${p.name}: ${r}`}
                        disabled={disabled}
                        onClick={() => void rate(p.id, r)}
                        tabIndex={-1}
                      >
                        {r}
                      </button>
                    ))}
                  </span>
                )}
                {entry?.better && <span className="go-round-reason">“{entry.better}”</span>}
              </li>
            );
          })}
        </ol>
      </div>
      {asking && (
        <form className="reason-form" onSubmit={saveSentence}>
          <Field label={`What would make the next meeting better, for ${askingName}? (optional)`} error={form.error('better')}>
            <input
              className="input"
              value={asking.better}
              maxLength={280}
              onChange={(e) => form.set('better', e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setOpen(false);
                }
              }}
              placeholder="One sentence, in their words; Enter saves it"
            />
          </Field>
          <div className="form-actions">
            <button className="btn btn-primary" type="submit" disabled={!unchanged && !form.canSubmit}>
              {asking.better.trim() ? 'Save and next' : 'Next person'}
            </button>
          </div>
        </form>
      )}
      <ErrorAlert error={action.error} />
      <ErrorAlert error={turn.error} />
      <ErrorAlert error={form.formError} />
      <AnonymousRating meetingId={meetingId} disabled={disabled} anonymousCount={feedback.anonymousCount} />
    </section>
  );
}
