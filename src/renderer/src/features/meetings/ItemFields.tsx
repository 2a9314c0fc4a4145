import type { Member } from '../../../../shared/domain';
import { AGENDA_KINDS, type AgendaKind } from '../../../../shared/planning';
import { MemberSelect } from '../../ui/pickers';

export interface ItemDraft {
  kind: AgendaKind;
  title: string;
  plannedMin: string;
  ownerId: string;
  notes: string;
}

export const emptyDraft: ItemDraft = { kind: 'discussion', title: '', plannedMin: '10', ownerId: '', notes: '' };

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
  };
}
