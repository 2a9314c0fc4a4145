import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import type { Member } from '@shared/domain';
import { kindLabel, type AgendaItem } from '@shared/planning';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { draftOf, draftToInput, ItemFields, type ItemDraft } from './ItemFields';

interface Props {
  item: AgendaItem;
  index: number;
  members: Member[];
  revision: number;
  readOnly: boolean;
}

export function AgendaItemRow({ item, index, members, revision, readOnly }: Props) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: readOnly });
  const update = useMutation('agenda.updateItem');
  const remove = useMutation('agenda.removeItem');
  const [draft, setDraft] = useState<ItemDraft | null>(null);
  const owner = members.find((m) => m.id === item.ownerId);

  const style = { transform: CSS.Transform.toString(transform), transition };

  async function save() {
    if (!draft) return;
    if (await update.run({ itemId: item.id, expectedRevision: revision, ...draftToInput(draft) })) setDraft(null);
  }

  return (
    <li ref={setNodeRef} style={style} className={`agenda-row${isDragging ? ' is-dragging' : ''} status-${item.status}`}>
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
          {item.notes && !draft && <p className="agenda-notes">{item.notes}</p>}
        </div>
        <span className="agenda-minutes">
          {item.plannedMin}
          <small> min</small>
          {item.startedAt !== null && item.endedAt !== null && (
            <small className="agenda-actual">took {Math.round((item.endedAt - item.startedAt - item.pausedTotalMs) / 60_000)}</small>
          )}
        </span>
        {!readOnly && !draft && (
          <div className="agenda-actions">
            <button type="button" className="btn btn-ghost" aria-label={`Edit ${item.title}`} onClick={() => setDraft(draftOf(item))}>
              Edit
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              aria-label={`Remove ${item.title}`}
              onClick={() => void remove.run({ itemId: item.id, expectedRevision: revision })}
            >
              Remove
            </button>
          </div>
        )}
      </div>
      {draft && (
        <form
          className="agenda-edit"
          aria-label={`Edit item ${item.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <ItemFields draft={draft} onChange={setDraft} members={members} idPrefix={`edit-${item.id}`} />
          <div className="form-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={update.pending}>
              Save item
            </button>
          </div>
        </form>
      )}
      <ErrorAlert error={update.error ?? remove.error} />
    </li>
  );
}
