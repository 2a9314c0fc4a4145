import { useState, type FormEvent } from 'react';
import type { ParkingLotItem } from '@shared/planning';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { PlusIcon } from '@renderer/ui/icons';

function ParkingRow({ item }: { item: ParkingLotItem }) {
  const format = useFormat();
  const close = useMutation('parkingLot.close');
  const reopen = useMutation('parkingLot.reopen');
  const update = useMutation('parkingLot.update');
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(item.title);
  const [notes, setNotes] = useState(item.notes);
  const open = item.status === 'open';

  if (editing) {
    return (
      <li className="parking-row">
        <form
          className="parking-edit"
          aria-label={`Edit ${item.title}`}
          onSubmit={async (e) => {
            e.preventDefault();
            if (await update.run({ itemId: item.id, title, notes })) setEditing(false);
          }}
        >
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} aria-label="Title" />
          <textarea className="input" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} aria-label="Notes" />
          <div className="form-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary">
              Save
            </button>
          </div>
          <ErrorAlert error={update.error} />
        </form>
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

/** The team's standing list of issues, editable between meetings. */
export function ParkingLotTab({ teamId }: { teamId: string }) {
  const list = useQuery('parkingLot.list', { teamId, includeClosed: true });
  const add = useMutation('parkingLot.add');
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await add.run({ teamId, title, notes })) {
      setTitle('');
      setNotes('');
    }
  }

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
        <form className="parking-add" onSubmit={submit} aria-label="Add to the parking lot" noValidate>
          <input
            className="input"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="An issue to discuss"
            aria-label="Issue"
          />
          <input
            className="input"
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            placeholder="Notes (optional)"
            aria-label="Notes"
          />
          <button type="submit" className="btn btn-primary" disabled={add.pending}>
            <PlusIcon /> Park it
          </button>
        </form>
        <ErrorAlert error={add.error} />
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
