import { useState } from 'react';
import type { Role, RoleEvent } from '@shared/agreements';
import type { Member } from '@shared/domain';
import { useMutation } from '@renderer/api/hooks';
import { ConfirmDialog } from '@renderer/ui/ConfirmDialog';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { useFormat } from '@renderer/app/settings-context';
import { MemberSelect } from '@renderer/ui/pickers';

function describe(e: RoleEvent): string {
  switch (e.kind) {
    case 'created':
      return 'Role created';
    case 'assigned':
      return `${e.memberName ?? 'Someone'} took it on`;
    case 'unassigned':
      return `${e.memberName ?? 'Someone'} handed it over`;
    case 'renamed':
      return `Renamed from “${e.oldValue ?? ''}”`;
    case 'purpose_changed':
      return 'Outcome reworded';
    case 'retired':
      return 'Retired';
  }
}

export function RoleHistory({ role }: { role: Role }) {
  const { date: formatDate } = useFormat();
  return (
    <details className="role-history">
      <summary>History ({role.history.length})</summary>
      <ol aria-label={`History of ${role.name}`}>
        {role.history.map((e) => (
          <li key={e.id}>
            <span>{describe(e)}</span>
            <time>{formatDate(e.at)}</time>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Rewording keeps the old name in the history; retiring keeps the role and its history, out of the list. */
function EditRoleForm({ role, onDone }: { role: Role; onDone: () => void }) {
  const form = useForm('roles.update', {
    initial: { name: role.name, purpose: role.purpose },
    toInput: (v) => ({ roleId: role.id, ...v }),
    clears: [],
    onSaved: onDone,
  });
  return (
    <form className="edit-role" aria-label={`Edit role: ${role.name}`} onSubmit={form.submit}>
      <Field label="Role" error={form.error('name')}>
        <input className="input" value={form.values.name} onChange={(e) => form.set('name', e.target.value)} />
      </Field>
      <Field label="Outcome it owns" error={form.error('purpose')}>
        <input className="input" value={form.values.purpose} onChange={(e) => form.set('purpose', e.target.value)} />
      </Field>
      <div className="actions">
        <button className="btn btn-primary" type="submit" disabled={!form.canSubmit}>
          Save role
        </button>
        <button className="btn" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ErrorAlert error={form.formError} />
    </form>
  );
}

export function RoleItem({ role, members }: { role: Role; members: Member[] }) {
  const action = useMutation();
  const [editing, setEditing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const formerHolder = members.find((m) => m.id === role.holderId && m.leftAt !== null);
  return (
    <li className="role-item" aria-label={`Role: ${role.name}`}>
      {editing ? (
        <EditRoleForm role={role} onDone={() => setEditing(false)} />
      ) : (
        <div className="role-main">
          <span className="role-name">{role.name}</span>
          {role.purpose && <span className="role-purpose">{role.purpose}</span>}
          {formerHolder && <span className="badge badge-warn">{formerHolder.name} has left: hand it over</span>}
          <span className="role-actions">
            <button className="btn btn-sm btn-ghost" type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button className="btn btn-sm btn-ghost" type="button" onClick={() => setRetiring(true)}>
              Retire…
            </button>
          </span>
        </div>
      )}
      <label className="field role-holder">
        <span>Held by</span>
        <MemberSelect
          value={role.holderId ?? ''}
          onChange={(id) => void action.run('roles.assign', { roleId: role.id, memberId: id || null })}
          members={members}
          noneLabel="Vacant"
          label={`${role.name} held by`}
        />
      </label>
      <RoleHistory role={role} />
      <ErrorAlert error={action.error} />
      <ConfirmDialog
        open={retiring}
        title={`Retire the role “${role.name}”?`}
        confirmLabel="Retire role"
        danger
        onCancel={() => setRetiring(false)}
        onConfirm={() => {
          setRetiring(false);
          void action.run('roles.retire', { roleId: role.id });
        }}
      >
        It leaves the list of roles; who held it and when stays in its history, under “Retired roles”. If the agreement names it as deciding
        something, the next version of the agreement must name someone else.
      </ConfirmDialog>
    </li>
  );
}
