import { memo } from 'react';
import type { Member } from '@shared/domain';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { useForm } from '@renderer/ui/form/use-form';
import { PlusIcon } from '@renderer/ui/icons';
import { draftToInput, emptyDraft, ITEM_FIELDS, ItemFields } from './ItemFields';

// Memoised: the console renders on every live action; this form's members and revision rarely change with it.
export const AddItemForm = memo(function AddItemForm({
  meetingId,
  revision,
  members,
}: {
  meetingId: string;
  revision: number;
  members: Member[];
}) {
  // The draft survives a refusal (or another window's change) so nothing typed is lost.
  const form = useForm('agenda.addItem', {
    initial: emptyDraft,
    toInput: (draft) => ({ meetingId, expectedRevision: revision, ...draftToInput(draft) }),
    fields: ITEM_FIELDS,
  });
  return (
    <form className="add-item card" onSubmit={form.submit} aria-label="Add an agenda item" noValidate>
      <h3>Add an item</h3>
      <ItemFields form={form} members={members} />
      <ErrorAlert error={form.formError} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!form.canSubmit}>
          <PlusIcon /> Add item
        </button>
      </div>
    </form>
  );
});
