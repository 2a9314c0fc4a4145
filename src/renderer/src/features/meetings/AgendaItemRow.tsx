import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useCallback, useEffect, useRef } from 'react';
import type { Member } from '@shared/domain';
import { kindLabel, type AgendaItem } from '@shared/planning';
import { durationWords } from '@shared/timer';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { focusAfterRemoving, useInlineEdit } from '@renderer/ui/focus';
import { useForm } from '@renderer/ui/form/use-form';
import { draftOf, draftToInput, ITEM_FIELDS, ItemFields } from './ItemFields';

interface Props {
  item: AgendaItem;
  index: number;
  members: Member[];
  revision: number;
  readOnly: boolean;
}

export function AgendaItemRow({ item, index, members, revision, readOnly }: Props) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: readOnly });
  const remove = useMutation('agenda.removeItem');
  const row = useRef<HTMLLIElement | null>(null);
  const setRow = useCallback(
    (el: HTMLLIElement | null) => {
      setNodeRef(el);
      row.current = el;
    },
    [setNodeRef],
  );
  const { editing, open, close } = useInlineEdit(row, 'button[aria-label^="Edit "]');
  const owner = members.find((m) => m.id === item.ownerId);

  const style = { transform: CSS.Transform.toString(transform), transition };

  return (
    <li ref={setRow} style={style} className={`agenda-row${isDragging ? ' is-dragging' : ''} status-${item.status}`}>
      <div className="agenda-row-main">
        {!readOnly && (
          <button type="button" className="drag-handle" aria-label={`Move ${item.title}`} {...attributes} {...listeners}>
            <svg viewBox="0 0 12 20" aria-hidden="true">
              {[4, 10, 16].map((y) => [3, 9].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" />))}
            </svg>
          </button>
        )}
        <span className="agenda-index">{index + 1}</span>
        <div className="agenda-text">
          <span className="agenda-title">{item.title}</span>
          <span className="agenda-meta">
            {kindLabel(item.kind) !== item.title && <span className={`kind-chip kind-${item.kind}`}>{kindLabel(item.kind)}</span>}
            {owner && <span>{owner.name}</span>}
            {item.carriedFromId && <span className="badge">Carried over</span>}
            {item.status === 'not_reached' && <span className="badge">Not reached</span>}
          </span>
          {item.plan && !editing && <p className="agenda-notes">{item.plan}</p>}
        </div>
        <span className="agenda-minutes">
          {item.plannedMin}
          <small> min</small>
          {item.startedAt !== null && item.endedAt !== null && (
            <small className="agenda-actual">took {durationWords(item.endedAt - item.startedAt - item.pausedTotalMs)}</small>
          )}
        </span>
        {!readOnly && !editing && (
          <div className="agenda-actions">
            <button type="button" className="btn btn-ghost" aria-label={`Edit ${item.title}`} onClick={open}>
              Edit
            </button>
            {/* Only an item the meeting has not started can go: one under way or held stays in the record (main refuses it). */}
            {item.status === 'pending' && (
              <button
                type="button"
                className="btn btn-ghost"
                aria-label={`Remove ${item.title}`}
                onClick={(e) => {
                  const refocus = focusAfterRemoving(
                    e.currentTarget.closest('li'),
                    'button[aria-label^="Remove "]',
                    'form[aria-label="Add an agenda item"] input',
                  );
                  void remove.run({ itemId: item.id, expectedRevision: revision }).then((done) => done && refocus());
                }}
              >
                Remove
              </button>
            )}
          </div>
        )}
      </div>
      {editing && <EditItem item={item} members={members} revision={revision} onDone={close} />}
      <ErrorAlert error={remove.error} />
    </li>
  );
}

function EditItem({ item, members, revision, onDone }: { item: AgendaItem; members: Member[]; revision: number; onDone: () => void }) {
  const form = useForm('agenda.updateItem', {
    initial: draftOf(item),
    toInput: (draft) => ({ itemId: item.id, expectedRevision: revision, ...draftToInput(draft) }),
    fields: ITEM_FIELDS,
    clears: [],
    onSaved: onDone,
  });
  // Opened from the row's Edit button, which it replaces: focus starts in its first field.
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);
  return (
    <form ref={ref} className="agenda-edit" aria-label={`Edit item ${item.title}`} onSubmit={form.submit}>
      <ItemFields form={form} members={members} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={!form.canSubmit}>
          Save item
        </button>
      </div>
      <ErrorAlert error={form.formError} />
    </form>
  );
}
