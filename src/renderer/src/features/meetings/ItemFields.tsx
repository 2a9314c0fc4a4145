import type { Member } from '@shared/domain';
import { AGENDA_KINDS, ROUND_KINDS, type AgendaItem, type AgendaKind } from '@shared/planning';
import { MemberSelect } from '@renderer/ui/pickers';

export interface ItemDraft {
  kind: AgendaKind;
  title: string;
  plannedMin: string;
  ownerId: string;
  notes: string;
  roundOrder: 'team' | 'shuffle' | 'rotate';
  /** Seconds per speaker; empty shares the item's time among the speakers. */
  turnSeconds: string;
}

export const emptyDraft: ItemDraft = {
  kind: 'discussion',
  title: '',
  plannedMin: '10',
  ownerId: '',
  notes: '',
  roundOrder: 'team',
  turnSeconds: '',
};

/** The item's fields, shared by "add" and "edit"; minutes stay text until saved so typing is free. */
export function ItemFields({
  draft,
  onChange,
  members,
  idPrefix,
}: {
  draft: ItemDraft;
  onChange: (d: ItemDraft) => void;
  members: Member[];
  idPrefix: string;
}) {
  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <div className="item-fields">
      <label className="field field-title">
        <span>Title</span>
        <input
          className="input"
          id={`${idPrefix}-title`}
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          placeholder="What is this item about?"
        />
      </label>
      <label className="field">
        <span>Kind</span>
        <select className="input" value={draft.kind} onChange={(e) => set('kind', e.target.value as AgendaKind)}>
          {AGENDA_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-minutes">
        <span>Minutes</span>
        <input className="input" inputMode="numeric" value={draft.plannedMin} onChange={(e) => set('plannedMin', e.target.value)} />
      </label>
      <label className="field">
        <span>Owner</span>
        <MemberSelect value={draft.ownerId} onChange={(id) => set('ownerId', id)} members={members} noneLabel="No owner" />
      </label>
      {ROUND_KINDS.includes(draft.kind) && (
        <>
          <label className="field">
            <span>Speaker order</span>
            <select
              className="input"
              value={draft.roundOrder}
              onChange={(e) => set('roundOrder', e.target.value as ItemDraft['roundOrder'])}
            >
              <option value="team">Team order</option>
              <option value="shuffle">Shuffled</option>
              <option value="rotate">Rotating start</option>
            </select>
          </label>
          <label className="field">
            <span>Seconds per speaker</span>
            <input
              className="input"
              inputMode="numeric"
              value={draft.turnSeconds}
              onChange={(e) => set('turnSeconds', e.target.value)}
              placeholder="shared"
            />
          </label>
        </>
      )}
      <label className="field field-notes">
        <span>Notes</span>
        <textarea
          className="input"
          rows={3}
          value={draft.notes}
          onChange={(e) => set('notes', e.target.value)}
          placeholder="Optional: context, links, what to prepare"
        />
      </label>
    </div>
  );
}

/** The draft as the contract wants it; minutes that are not a number go through as NaN and get main's clear message. */
export function draftToInput(draft: ItemDraft) {
  const trimmed = draft.plannedMin.trim();
  return {
    kind: draft.kind,
    title: draft.title,
    plannedMin: trimmed === '' ? Number.NaN : Number(trimmed),
    ownerId: draft.ownerId || null,
    notes: draft.notes,
    roundOrder: draft.roundOrder,
    turnTimeboxSec: draft.turnSeconds.trim() === '' ? null : Number(draft.turnSeconds.trim()),
  };
}

export function draftOf(item: AgendaItem): ItemDraft {
  return {
    kind: item.kind,
    title: item.title,
    plannedMin: String(item.plannedMin),
    ownerId: item.ownerId ?? '',
    notes: item.notes,
    roundOrder: item.roundOrder,
    turnSeconds: item.turnTimeboxMs === null ? '' : String(item.turnTimeboxMs / 1000),
  };
}
