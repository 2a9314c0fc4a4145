import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { isObjection, STANCES, type Decision, type Stance } from '@shared/decisions';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { PositionChip } from './StatusBadge';
import { usePanelKeys } from '../live/panel-keys';
import type { PanelChoice } from '../live/console-keys';

/**
 * The go-round: one member at a time, one key per stance, taken without focusing anything (the
 * console's key bar shows them). Disagree and block open a reason field; nothing is recorded for
 * them until the reason has words in it.
 */
export function GoRound({
  decision,
  members,
  disabled,
  takeFocusRef,
}: {
  decision: Decision;
  members: { memberId: string; name: string }[];
  disabled: boolean;
  /**
   * Set: the go-round takes focus as it appears, and clears it. After a reopen, whose button the go-round replaces,
   * focus fell to the page's body.
   */
  takeFocusRef?: MutableRefObject<boolean>;
}) {
  const current = new Map(decision.positions.map((p) => [p.memberId, p]));
  const [cursor, setCursor] = useState(() =>
    Math.max(
      0,
      members.findIndex((m) => !current.has(m.memberId)),
    ),
  );
  // The reason box of a disagree or block is a form; the other stances are one key that saves at once.
  const [open, setOpen] = useState(false);
  const opened = useRef(open);
  const action = useMutation();
  const form = useForm('decisions.position', {
    initial: { memberId: '', stance: 'disagree' as Stance, reason: '' },
    clears: ['reason'],
    toInput: (v) => ({ decisionId: decision.id, ...v }),
  });
  const asking = open ? form.values : null;

  useEffect(() => {
    opened.current = open;
  }, [open]);

  const group = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!takeFocusRef?.current) return;
    takeFocusRef.current = false;
    group.current?.focus();
  }, [takeFocusRef]);

  /** The cursor moves on at once, so the next key is for the next person even before main answers. */
  function moveOn(memberId: string) {
    const index = members.findIndex((m) => m.memberId === memberId);
    const taken = new Set([...current.keys(), memberId]);
    const after = members.findIndex((m, i) => i > index && !taken.has(m.memberId));
    setCursor(after >= 0 ? after : Math.min(index + 1, members.length - 1));
    return index;
  }

  async function record(memberId: string, stance: Stance) {
    const index = moveOn(memberId);
    if (!(await action.run('decisions.position', { decisionId: decision.id, memberId, stance, reason: null }))) setCursor(index);
  }

  async function recordReason(event: React.FormEvent) {
    event.preventDefault();
    if (!form.canSubmit || !asking) return;
    const index = moveOn(asking.memberId);
    setOpen(false);
    // Refused: back to that person with their reason still in the box, unless the next box is open already.
    if (!(await form.submit()) && !opened.current) {
      setCursor(index);
      setOpen(true);
    }
  }

  function choose(memberId: string, stance: Stance) {
    if (disabled) return;
    if (isObjection(stance)) {
      // Set for the person, not typed by them: an empty box says nothing is missing before they begin (it said "needs
      // a reason: … not only spaces" as it opened).
      form.set('memberId', memberId, { typed: false });
      form.set('stance', stance, { typed: false });
      form.set('reason', '', { typed: false });
      setOpen(true);
    } else {
      void record(memberId, stance);
    }
  }

  usePanelKeys('go-round', (choice: PanelChoice) => {
    if (choice.type === 'move') {
      setCursor((c) => Math.min(members.length - 1, Math.max(0, c + choice.by)));
      return;
    }
    const member = members[cursor];
    const stance = STANCES.find((s) => s.stance === choice.value)?.stance;
    if (member && stance) choose(member.memberId, stance);
  });

  const askingName = members.find((m) => m.memberId === asking?.memberId)?.name;
  return (
    <div className="go-round" role="group" aria-label="Go-round of positions" ref={group} tabIndex={-1}>
      <div className="go-round-head">
        <h4>Positions</h4>
        <span className="hint">{STANCES.map((s) => `${s.key.toUpperCase()} ${s.label.toLowerCase()}`).join(' · ')} · ↑↓ person</span>
      </div>
      {members.length === 0 && <p className="muted-note">Mark who is present to take positions.</p>}
      <ol className="go-round-list">
        {members.map((m, i) => {
          const p = current.get(m.memberId);
          return (
            <li key={m.memberId} className={i === cursor ? 'is-cursor' : ''} aria-current={i === cursor ? 'true' : undefined}>
              <button type="button" className="go-round-name" onClick={() => setCursor(i)} tabIndex={-1}>
                {m.name}
              </button>
              <span className="go-round-stance">
                {p ? <PositionChip position={p} objections={decision.objections} /> : <span className="muted-note">no position yet</span>}
              </span>
              {i === cursor && (
                <span className="go-round-buttons">
                  {STANCES.map((s) => (
                    <button
                      key={s.stance}
                      type="button"
                      className="btn btn-sm"
                      aria-pressed={p?.stance === s.stance}
                      aria-label={`${m.name}: ${s.label}`}
                      disabled={disabled}
                      onClick={() => {
                        setCursor(i);
                        choose(m.memberId, s.stance);
                      }}
                      tabIndex={-1}
                    >
                      {s.label}
                    </button>
                  ))}
                </span>
              )}
              {p?.reason && <span className="go-round-reason">“{p.reason}”</span>}
            </li>
          );
        })}
      </ol>
      {asking && (
        <form className="reason-form" onSubmit={(e) => void recordReason(e)}>
          <Field
            label={`Why does ${askingName} ${asking.stance === 'block' ? 'block' : 'disagree'}? (required)`}
            error={form.error('reason')}
          >
            <input
              className="input"
              autoFocus
              value={asking.reason}
              onChange={(e) => form.set('reason', e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setOpen(false);
                }
              }}
              placeholder="The reason, in their words"
            />
          </Field>
          <div className="form-actions">
            <button className="btn btn-primary" type="submit" disabled={!form.canSubmit}>
              Record {asking.stance === 'block' ? 'block' : 'disagreement'}
            </button>
            <button className="btn btn-ghost" type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ErrorAlert error={form.formError} />
      <ErrorAlert error={action.error} />
    </div>
  );
}
