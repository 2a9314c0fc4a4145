import type { Member } from '@shared/domain';
import { AGENDA_KINDS, ROUND_KINDS, type AgendaItem, type AgendaKind } from '@shared/planning';
import { Field } from '@renderer/ui/form/Field';
import type { FormFields } from '@renderer/ui/form/use-form';
import { MemberSelect } from '@renderer/ui/pickers';

// A type, not an interface: a form's values are a plain record.
export type ItemDraft = {
  kind: AgendaKind;
  title: string;
  plannedMin: string;
  ownerId: string;
  /** What the item is for and what to prepare; the notes the room takes while it runs are kept apart. */
  plan: string;
  roundOrder: 'team' | 'shuffle' | 'rotate';
  /** Seconds per speaker; empty shares the item's time among the speakers. */
  turnSeconds: string;
};

export const emptyDraft: ItemDraft = {
  kind: 'discussion',
  title: '',
  plannedMin: '10',
  ownerId: '',
  plan: '',
  roundOrder: 'team',
  turnSeconds: '',
};

/** Input paths whose field has another name here. */
export const ITEM_FIELDS = { turnTimeboxSec: 'turnSeconds' } as const;

/** The item's fields, shared by "add" and "edit"; minutes stay text until saved so typing is free. */
export function ItemFields({ form, members }: { form: FormFields<ItemDraft>; members: Member[] }) {
  const { values: draft, set, error } = form;
  return (
    <div className="item-fields">
      <Field label="Title" className="field-title" error={error('title')}>
        <input
          className="input"
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          placeholder="What is this item about?"
        />
      </Field>
      <Field label="Kind" error={error('kind')}>
        <select className="input" value={draft.kind} onChange={(e) => set('kind', e.target.value as AgendaKind)}>
          {AGENDA_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Minutes" className="field-minutes" error={error('plannedMin')}>
        <input className="input" inputMode="numeric" value={draft.plannedMin} onChange={(e) => set('plannedMin', e.target.value)} />
      </Field>
      <Field label="Owner" error={error('ownerId')}>
        <MemberSelect value={draft.ownerId} onChange={(id) => set('ownerId', id)} members={members} noneLabel="No owner" />
      </Field>
      {ROUND_KINDS.includes(draft.kind) && (
        <>
          <Field label="Speaker order" error={error('roundOrder')}>
            <select
              className="input"
              value={draft.roundOrder}
              onChange={(e) => set('roundOrder', e.target.value as ItemDraft['roundOrder'])}
            >
              <option value="team">Team order</option>
              <option value="shuffle">Shuffled</option>
              <option value="rotate">Rotating start</option>
            </select>
          </Field>
          <Field label="Seconds per speaker" error={error('turnSeconds')}>
            <input
              className="input"
              inputMode="numeric"
              value={draft.turnSeconds}
              onChange={(e) => set('turnSeconds', e.target.value)}
              placeholder="shared"
            />
          </Field>
        </>
      )}
      <Field label="Plan" className="field-notes" error={error('plan')}>
        <textarea
          className="input"
          rows={3}
          value={draft.plan}
          onChange={(e) => set('plan', e.target.value)}
          placeholder="Optional: context, links, what to prepare"
        />
      </Field>
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
    plan: draft.plan,
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
    plan: item.plan,
    roundOrder: item.roundOrder,
    turnSeconds: item.turnTimeboxMs === null ? '' : String(item.turnTimeboxMs / 1000),
  };
}
