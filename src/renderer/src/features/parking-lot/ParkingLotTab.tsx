import { useState } from 'react';
import type { ParkingLotItem } from '@shared/planning';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { PlusIcon } from '@renderer/ui/icons';

function ParkingRow({ item }: { item: ParkingLotItem }) {
  const format = useFormat();
  const close = useMutation('parkingLot.close');
  const reopen = useMutation('parkingLot.reopen');
  const [editing, setEditing] = useState(false);
  const open = item.status === 'open';

  if (editing) {
    return (
      <li className="parking-row">
        <EditParked item={item} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className={`parking-row${open ? '' : ' is-closed'}`}>
      <div className="parking-text">
        <span className="parking-title">{item.title}</span>
        {item.notes && <span className="parking-notes">{item.notes}</span>}
        <span className="parking-meta">
          Added {format.date(item.createdAt)}
          {item.closedAt !== null && ` · ${item.status} ${format.date(item.closedAt)}`}
        </span>
      </div>
      <div className="parking-actions">
        {open ? (
          <>
            <button className="btn btn-ghost" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button className="btn btn-ghost" onClick={() => void close.run({ itemId: item.id, status: 'discussed' })}>
              Discussed
            </button>
            <button className="btn btn-ghost" onClick={() => void close.run({ itemId: item.id, status: 'dropped' })}>
              Drop
            </button>
          </>
        ) : (
          <button className="btn btn-ghost" onClick={() => void reopen.run({ itemId: item.id })}>
            Reopen
          </button>
        )}
      </div>
      <ErrorAlert error={close.error ?? reopen.error} />
    </li>
  );
}

function EditParked({ item, onDone }: { item: ParkingLotItem; onDone: () => void }) {
  const form = useForm('parkingLot.update', {
    initial: { title: item.title, notes: item.notes },
    toInput: (v) => ({ itemId: item.id, ...v }),
    clears: [],
    onSaved: onDone,
  });
  return (
    <form className="parking-edit" aria-label={`Edit ${item.title}`} onSubmit={form.submit}>
      <Field label="Title" error={form.error('title')}>
        <input className="input" value={form.values.title} onChange={(e) => form.set('title', e.target.value)} />
      </Field>
      <Field label="Notes" error={form.error('notes')}>
        <textarea className="input" rows={2} value={form.values.notes} onChange={(e) => form.set('notes', e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={!form.canSubmit}>
          Save
        </button>
      </div>
      <ErrorAlert error={form.formError} />
    </form>
  );
}

/** The team's standing list of issues, editable between meetings. */
export function ParkingLotTab({ teamId }: { teamId: string }) {
  const list = useQuery('parkingLot.list', { teamId, includeClosed: true });
  const add = useForm('parkingLot.add', { initial: { title: '', notes: '' }, toInput: (v) => ({ teamId, ...v }) });

  const items = list.data ?? [];
  const open = items.filter((i) => i.status === 'open');
  const closed = items.filter((i) => i.status !== 'open');
  return (
    <div className="tab-body">
      <section className="card list-card" aria-labelledby="parking-heading">
        <div className="section-head">
          <h2 id="parking-heading">Parking lot</h2>
          <span className="badge badge-accent">{open.length} open</span>
        </div>
        <p className="muted-note">
          Issues to discuss later. Open items appear in the old business of the next meeting until discussed or dropped.
        </p>
        <ErrorAlert error={list.error} />
        <ul className="parking-list" aria-label="Open parking-lot items">
          {open.map((item) => (
            <ParkingRow key={item.id} item={item} />
          ))}
        </ul>
        {/* Compact: the placeholders are the visible labels, so the accessible names repeat them. */}
        <form className="parking-add" onSubmit={add.submit} aria-label="Add to the parking lot" noValidate>
          <input
            className="input"
            value={add.values.title}
            onChange={(e) => add.set('title', e.target.value)}
            placeholder="An issue to discuss"
            aria-label="Issue"
            aria-invalid={add.error('title') ? true : undefined}
          />
          <input
            className="input"
            value={add.values.notes}
            onChange={(e) => add.set('notes', e.target.value)}
            placeholder="Notes (optional)"
            aria-label="Notes"
          />
          <button type="submit" className="btn btn-primary" disabled={!add.canSubmit}>
            <PlusIcon /> Park it
          </button>
        </form>
        <ErrorAlert error={add.formError} />
        {(add.error('title') ?? add.error('notes')) && <p className="field-error">{add.error('title') ?? add.error('notes')}</p>}
        {closed.length > 0 && (
          <>
            <h3 className="subhead">Closed</h3>
            <ul className="parking-list" aria-label="Closed parking-lot items">
              {closed.map((item) => (
                <ParkingRow key={item.id} item={item} />
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
