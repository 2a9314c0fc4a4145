import { memo, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { ApiError, call, onConnectionState } from '@renderer/api/client';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * Notes saved as typed: each pause in typing commits one transaction, and the status says
 * "Saved" only once main has said so: in the change event of the save (its live part, read after the commit, holds
 * the text sent), or in the save's own answer, whichever comes first; the event comes first. What was typed stays in
 * the box if a save fails.
 * Memoised: the console renders on every live action; the box renders only when its item or saved text changes.
 * Kept in place when the meeting moves to another item (next, previous, another window): it starts again from that
 * item's notes as a new box would, and what was typed for the item left is still sent for that item. Unmounting the
 * box and mounting another was the console's largest share of showing the next item.
 */
export const NotesEditor = memo(function NotesEditor({
  meetingId,
  itemId,
  stored,
  plan,
  label,
  typingCarry,
}: {
  meetingId: string;
  itemId: string;
  /** The item's notes as main holds them: the box starts from them. */
  stored: string;
  /** What the item was planned to be: shown above the box for the facilitator, never put in it (it is not a note). */
  plan: string;
  label: string;
  /**
   * Set while the box that held the cursor gives way to the next item's (another window moved the meeting on
   * mid-sentence): the new box takes the cursor, so the letters typed on stay text. On the page, they were
   * shortcuts: "and then" moved the meeting on twice and added a minute.
   */
  typingCarry: RefObject<boolean>;
}) {
  const [text, setText] = useState(stored);
  const [state, setState] = useState<SaveState>('idle');
  const [sending, setSending] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // Another item: everything the box shows starts again from that item's notes.
  const [shownFor, setShownFor] = useState(itemId);
  if (shownFor !== itemId) {
    setShownFor(itemId);
    setText(stored);
    setState('idle');
    setSending(null);
    setError(null);
  }
  const shown: SaveState = state === 'saving' && sending === stored ? 'saved' : state;
  /**
   * What was typed and not sent yet, by the item it was typed for: the box may show another item by the time it goes,
   * and a save that failed for an item left is kept beside what is typed for the next (one entry a box held nothing).
   */
  const pending = useRef(new Map<string, string>());
  /** The last text typed for each item: a failed save of older text is not kept once newer text was typed for it. */
  const typed = useRef(new Map<string, string>());
  const timer = useRef<number | null>(null);
  /** The item the box shows as committed: a save's answer for an item left since says nothing about this box. */
  const showing = useRef(itemId);
  useLayoutEffect(() => {
    showing.current = itemId;
  }, [itemId]);
  const box = useRef<HTMLTextAreaElement>(null);
  // A layout effect's clean-up runs while the box is still in the page: whether it holds the cursor can be asked.
  useLayoutEffect(() => {
    const own = box.current;
    if (typingCarry.current) own?.focus();
    typingCarry.current = false;
    return () => {
      typingCarry.current = own !== null && document.activeElement === own;
    };
  }, [typingCarry]);

  async function flush() {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const unsent = [...pending.current];
    pending.current.clear();
    await Promise.all(unsent.map(([id, notes]) => save(id, notes)));
  }

  async function save(id: string, notes: string) {
    const own = () => id === showing.current;
    if (own()) {
      setState('saving');
      setSending(notes);
    }
    try {
      await call('live.setNotes', { meetingId, itemId: id, notes });
      if (!own()) return;
      if (!pending.current.has(id)) setState('saved');
      setError(null);
    } catch (e) {
      // Kept to send again once the server is back, whichever item the box shows by then, unless newer text was typed
      // for this item since (it holds all of this one, waiting or saved).
      if (!pending.current.has(id) && typed.current.get(id) === notes) pending.current.set(id, notes);
      if (!own()) return;
      setState('failed');
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  }

  // A save that failed while the server was gone is sent again once it is back: the box said "Not saved" until she
  // typed again, and a page closed meanwhile lost the text.
  useEffect(
    () =>
      onConnectionState((connection) => {
        if (connection === 'connected' && pending.current.size > 0 && timer.current === null) void flush();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- flush reads only refs and this item's ids
    [itemId],
  );

  useEffect(() => {
    return () => {
      void flush();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- flush on leaving this item (or the page) only
  }, [itemId]);

  return (
    <div className="notes-editor">
      {plan && (
        <p className="notes-plan" id={`plan-${itemId}`}>
          <span>Planned:</span> {plan}
        </p>
      )}
      <label className="field">
        <span>
          {label}
          <span className={`save-state s-${shown}`} role="status">
            {shown === 'saving' ? 'Saving…' : shown === 'saved' ? 'Saved' : shown === 'failed' ? 'Not saved' : ''}
          </span>
        </span>
        <textarea
          ref={box}
          className="input"
          aria-describedby={plan ? `plan-${itemId}` : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            pending.current.set(itemId, e.target.value);
            typed.current.set(itemId, e.target.value);
            setState('idle');
            if (timer.current !== null) window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => void flush(), 500);
          }}
          onBlur={() => void flush()}
          // Escape leaves the box (saving what it holds) and gives the console's keys back: it did nothing, and the N
          // pressed next to move on went into the notes.
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              e.currentTarget.blur();
            }
          }}
          rows={5}
          placeholder="What was said, decided, who does what…"
        />
      </label>
      <ErrorAlert error={error} />
    </div>
  );
});
