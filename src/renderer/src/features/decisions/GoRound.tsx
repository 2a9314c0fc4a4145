import { useEffect, useRef, useState } from 'react';
import { isObjection, STANCES, type Decision, type Stance } from '@shared/decisions';
import { hasWords } from '@shared/validation';
import { StanceChip } from './StatusBadge';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

const BY_KEY = new Map<string, Stance>(STANCES.map((s) => [s.key, s.stance]));

/**
 * The go-round: one member at a time, one key per stance. Disagree and block open a reason
 * field; nothing is recorded for them until the reason has words in it.
 */
export function GoRound({
  decision,
  members,
  disabled,
}: {
  decision: Decision;
  members: { memberId: string; name: string }[];
  disabled: boolean;
}) {
  const current = new Map(decision.positions.map((p) => [p.memberId, p]));
  const [cursor, setCursor] = useState(() =>
    Math.max(
      0,
      members.findIndex((m) => !current.has(m.memberId)),
    ),
  );
  const [asking, setAsking] = useState<{ memberId: string; stance: Stance } | null>(null);
  const [reason, setReason] = useState('');
  const group = useRef<HTMLDivElement>(null);
  const action = useMutation();

  useEffect(() => {
    if (!asking) group.current?.focus();
  }, [asking]);

  async function record(memberId: string, stance: Stance, why: string | null) {
    // The cursor moves on at once, so the next key is for the next person even before main answers.
    const index = members.findIndex((m) => m.memberId === memberId);
    const taken = new Set([...current.keys(), memberId]);
    const after = members.findIndex((m, i) => i > index && !taken.has(m.memberId));
    setCursor(after >= 0 ? after : Math.min(index + 1, members.length - 1));
    setAsking(null);
    const saved = await action.run('decisions.position', { decisionId: decision.id, memberId, stance, reason: why });
    if (!saved) {
      setCursor(index);
      if (why !== null) {
        setAsking({ memberId, stance });
        setReason(why);
      }
      return;
    }
    setReason('');
  }

  function choose(memberId: string, stance: Stance) {
    if (disabled) return;
    if (isObjection(stance)) {
      setAsking({ memberId, stance });
      setReason('');
    } else {
      void record(memberId, stance, null);
    }
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.target !== group.current || e.ctrlKey || e.metaKey || e.altKey) return;
    const member = members[cursor];
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      setCursor((c) => Math.min(members.length - 1, Math.max(0, c + (e.key === 'ArrowDown' ? 1 : -1))));
      return;
    }
    const stance = BY_KEY.get(e.key.toLowerCase());
    if (stance && member) {
      // The go-round owns these keys while it has focus; the console's shortcuts wait.
      e.preventDefault();
      e.stopPropagation();
      choose(member.memberId, stance);
    }
  }

  const askingName = members.find((m) => m.memberId === asking?.memberId)?.name;
  return (
    <div className="go-round" role="group" aria-label="Go-round of positions" tabIndex={0} ref={group} onKeyDown={onKeyDown}>
      <div className="go-round-head">
        <h4>Positions</h4>
        <span className="hint">
          Focus here, then {STANCES.map((s) => `${s.key.toUpperCase()} ${s.label.toLowerCase()}`).join(' · ')} · ↑↓ move
        </span>
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
                {p ? <StanceChip stance={p.stance} /> : <span className="muted-note">no position yet</span>}
              </span>
              {i === cursor && (
                <span className="go-round-buttons">
                  {STANCES.map((s) => (
                    <button
                      key={s.stance}
                      type="button"
                      className={`btn btn-sm${p?.stance === s.stance ? ' is-on' : ''}`}
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
        <form
          className="reason-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (hasWords(reason)) void record(asking.memberId, asking.stance, reason);
          }}
        >
          <label className="field">
            <span>
              Why does {askingName} {asking.stance === 'block' ? 'block' : 'disagree'}? (required)
            </span>
            <input
              className="input"
              autoFocus
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setAsking(null);
                }
              }}
              aria-invalid={reason !== '' && !hasWords(reason)}
              placeholder="The reason, in their words"
            />
          </label>
          <div className="form-actions">
            <button className="btn btn-primary" type="submit" disabled={!hasWords(reason) || action.pending}>
              Record {asking.stance === 'block' ? 'block' : 'disagreement'}
            </button>
            <button className="btn btn-ghost" type="button" onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
          {reason !== '' && !hasWords(reason) && <p className="field-error">A reason needs words, not only spaces or punctuation.</p>}
        </form>
      )}
      <ErrorAlert error={action.error} />
    </div>
  );
}
