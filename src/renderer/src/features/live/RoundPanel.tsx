import type { Turn } from '@shared/planning';
import { Countdown } from './Countdown';
import { keyOf, ROUND_KEYS } from './console-keys';
import { turnTimer, turnWarning } from './live-model';
import type { MeetingDetail } from '@shared/planning';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { useMutation } from '@renderer/api/hooks';
import { onConnectionState } from '@renderer/api/client';
import { onePress } from './console-actions';

const STATUS: Record<Turn['status'], string> = {
  waiting: 'Waiting',
  speaking: 'Speaking',
  done: 'Spoke',
  passed: 'Passed',
  skipped: 'Skipped',
  later: 'Later',
};

function TurnNotes({ meetingId, turnId, name, initial }: { meetingId: string; turnId: string; name: string; initial: string }) {
  const save = useMutation('live.setTurnNotes');
  const { run } = save;
  const [text, setText] = useState(initial);
  const [saved, setSaved] = useState(false);
  // Another speaker: the box starts again from their turn's notes. Kept in place rather than made anew on every turn.
  const [shownFor, setShownFor] = useState(turnId);
  if (shownFor !== turnId) {
    setShownFor(turnId);
    setText(initial);
    setSaved(false);
  }
  // What the box held for the turn before: a line typed when another window (or the round's end) moved on to the
  // next speaker was dropped unsaved. A layout effect's clean-up still sees the last turn's text.
  const last = useRef({ turnId, text, initial });
  useLayoutEffect(() => {
    last.current = { turnId: shownFor, text, initial };
  });
  useLayoutEffect(
    () => () => {
      const left = last.current;
      if (left.text !== left.initial) void run({ meetingId, turnId: left.turnId, notes: left.text });
    },
    [turnId, meetingId, run],
  );
  // A save that failed while the server was gone is sent again once it is back, as the item's notes are: the box said
  // "Not saved" until it was left again, and a page closed meanwhile lost the line.
  const failed = Boolean(save.error);
  useEffect(() => {
    if (!failed || text === initial) return;
    return onConnectionState((connection) => {
      if (connection === 'connected') void run({ meetingId, turnId: shownFor, notes: text }).then((ok) => ok && setSaved(true));
    });
  }, [failed, text, initial, run, meetingId, shownFor]);
  return (
    <>
      <label className="field">
        <span>
          Notes on {name}&rsquo;s turn{' '}
          <span className={`save-state ${save.error ? 's-failed' : 's-saved'}`} role="status">
            {save.error ? 'Not saved' : saved ? 'Saved' : ''}
          </span>
        </span>
        <input
          className="input"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(false);
          }}
          onBlur={async () => {
            if (text !== initial && (await run({ meetingId, turnId, notes: text }))) setSaved(true);
          }}
          // The line is done: Enter (or Escape) leaves the box, which saves it, and the round's keys work again. Before,
          // both did nothing, and the T pressed next to move on went into the notes.
          onKeyDown={(e) => {
            if ((e.key === 'Enter' || e.key === 'Escape') && !e.nativeEvent.isComposing) {
              e.preventDefault();
              e.currentTarget.blur();
            }
          }}
          placeholder="One line: the gist of the update; Enter saves it"
        />
      </label>
      <ErrorAlert error={save.error} />
    </>
  );
}

export function RoundPanel({
  meetingId,
  turns,
  clock,
  now,
  onTurn,
  disabled,
  counted = true,
}: {
  meetingId: string;
  turns: Turn[];
  clock: MeetingDetail['clock'];
  now: () => number;
  onTurn: (action: 'next' | 'pass' | 'skip' | 'later') => void;
  disabled: boolean;
  /** False on a check-out: its ratings card counts who has rated, and a second count of who has spoken disagreed with it. */
  counted?: boolean;
}) {
  const speaking = turns.find((t) => t.status === 'speaking') ?? null;
  const next = turns.find((t) => t.status === 'waiting') ?? turns.find((t) => t.status === 'later' && t.id !== speaking?.id) ?? null;
  const remaining = useMemo(() => turnTimer(speaking, clock, now), [speaking, clock, now]);
  return (
    <section className="card round-panel" aria-labelledby="round-heading">
      <div className="round-head">
        <h2 id="round-heading">Round</h2>
        {counted && (
          <span className="badge">
            {turns.filter((t) => t.status !== 'waiting' && t.status !== 'speaking' && t.status !== 'later').length} of {turns.length} spoken
          </span>
        )}
      </div>
      {speaking ? (
        <div className="speaker-now">
          <div>
            <span className="eyebrow-small">Speaking</span>
            <strong className="speaker-name">{speaking.name}</strong>
            {next && <span className="speaker-next">Next: {next.name}</span>}
          </div>
          <Countdown
            remaining={remaining}
            className="turn-countdown"
            label={`Time left for ${speaking.name}`}
            warningMs={turnWarning(speaking.timeboxMs)}
          />
        </div>
      ) : (
        <p className="muted-note">{turns.length ? 'Everyone has had their turn.' : 'Nobody is marked present for this round.'}</p>
      )}
      <div className="round-actions">
        <button className="btn btn-primary" disabled={disabled || !speaking} onClick={onePress(() => onTurn('next'))}>
          Next speaker <kbd>{keyOf(ROUND_KEYS, 'next speaker')}</kbd>
        </button>
        <button className="btn" disabled={disabled || !speaking} onClick={onePress(() => onTurn('pass'))}>
          Pass <kbd>{keyOf(ROUND_KEYS, 'pass')}</kbd>
        </button>
        <button className="btn" disabled={disabled || !speaking} onClick={onePress(() => onTurn('skip'))}>
          Skip <kbd>{keyOf(ROUND_KEYS, 'skip')}</kbd>
        </button>
        <button className="btn" disabled={disabled || !speaking} onClick={onePress(() => onTurn('later'))}>
          Come back later <kbd>{keyOf(ROUND_KEYS, 'later')}</kbd>
        </button>
      </div>
      {speaking && <TurnNotes meetingId={meetingId} turnId={speaking.id} name={speaking.name} initial={speaking.notes} />}
      <ol className="speaker-list" aria-label="Speakers">
        {turns.map((t) => (
          <li key={t.id} className={`s-${t.status}`}>
            <span>{t.name}</span>
            <span className="speaker-status">{STATUS[t.status]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
