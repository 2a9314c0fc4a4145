import { useState, type FormEvent } from 'react';
import type { Member } from '@shared/domain';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { PlusIcon } from '@renderer/ui/icons';
import { draftToInput, emptyDraft, ItemFields, type ItemDraft } from './ItemFields';

export function AddItemForm({ meetingId, revision, members }: { meetingId: string; revision: number; members: Member[] }) {
  const add = useMutation('agenda.addItem');
  const [draft, setDraft] = useState<ItemDraft>(emptyDraft);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The draft survives a refusal (or another window's change) so nothing typed is lost.
    if (await add.run({ meetingId, expectedRevision: revision, ...draftToInput(draft) })) setDraft(emptyDraft);
  }

  return (
    <form className="add-item card" onSubmit={submit} aria-label="Add an agenda item" noValidate>
      <h3>Add an item</h3>
      <ItemFields draft={draft} onChange={setDraft} members={members} idPrefix="add" />
      <ErrorAlert error={add.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={add.pending}>
          <PlusIcon /> Add item
        </button>
      </div>
    </form>
  );
}
