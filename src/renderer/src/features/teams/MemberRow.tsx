import { motion } from 'framer-motion';
import { useState } from 'react';
import type { Member } from '@shared/domain';
import { useMutation } from '@renderer/api/hooks';
import { Avatar } from '@renderer/ui/Avatar';
import { ConfirmDialog } from '@renderer/ui/ConfirmDialog';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { formatDate } from '@renderer/ui/format';

function EditMember({ member, onDone }: { member: Member; onDone: () => void }) {
  const form = useForm('members.update', {
    initial: { name: member.name, roleTitle: member.roleTitle ?? '' },
    toInput: (v) => ({ memberId: member.id, ...v }),
    clears: [],
    onSaved: onDone,
  });
  return (
    <>
      <form onSubmit={form.submit} className="member-edit" aria-label={`Edit ${member.name}`}>
        <Field label="Name" error={form.error('name')}>
          <input className="input" value={form.values.name} onChange={(e) => form.set('name', e.target.value)} autoFocus />
        </Field>
        <Field label="Role title" error={form.error('roleTitle')}>
          <input
            className="input"
            value={form.values.roleTitle}
            onChange={(e) => form.set('roleTitle', e.target.value)}
            placeholder="optional"
          />
        </Field>
        <div className="member-edit-actions">
          <button type="button" className="btn btn-ghost" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={!form.canSubmit}>
            Save
          </button>
        </div>
      </form>
      <ErrorAlert error={form.formError} />
    </>
  );
}

export function MemberRow({ member, roles }: { member: Member; roles?: string[] }) {
  const markLeft = useMutation('members.markLeft');
  const rejoin = useMutation('members.rejoin');
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const left = member.leftAt !== null;

  if (editing) {
    return (
      <li className="member-row editing">
        <EditMember member={member} onDone={() => setEditing(false)} />
      </li>
    );
  }

  return (
    <motion.li
      className={`member-row${left ? ' is-left' : ''}`}
      layout="position"
      initial={{ opacity: 0, y: -4 }}
      animate={{ opacity: 1, y: 0 }}
      exit={{ opacity: 0 }}
    >
      <Avatar name={member.name} muted={left} />
      <div className="member-main">
        <span className="member-name">{member.name}</span>
        <span className="member-meta">
          {member.roleTitle ?? 'No role title'} · {left ? `left ${formatDate(member.leftAt!)}` : `joined ${formatDate(member.joinedAt)}`}
        </span>
        {roles && roles.length > 0 && (
          <span className="member-roles" aria-label={`Roles of ${member.name}`}>
            {roles.map((r) => (
              <span key={r} className="badge badge-accent">
                {r}
              </span>
            ))}
          </span>
        )}
      </div>
      <div className="member-actions">
        {left ? (
          <button className="btn btn-ghost" onClick={() => void rejoin.run({ memberId: member.id })}>
            Rejoin
          </button>
        ) : (
          <>
            <button className="btn btn-ghost" onClick={() => setEditing(true)} aria-label={`Edit ${member.name}`}>
              Edit
            </button>
            <button className="btn btn-ghost" onClick={() => setConfirming(true)} aria-label={`Mark as left: ${member.name}`}>
              Mark as left
            </button>
          </>
        )}
      </div>
      <ErrorAlert error={markLeft.error ?? rejoin.error} />
      <ConfirmDialog
        open={confirming}
        title={`Mark ${member.name} as left?`}
        confirmLabel="Mark as left"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void markLeft.run({ memberId: member.id });
        }}
      >
        They will no longer be expected at meetings. Nothing they said, decided or committed to is removed, and they can rejoin later.
      </ConfirmDialog>
    </motion.li>
  );
}
