import { motion, useReducedMotion } from 'framer-motion';
import { useRef, useState } from 'react';
import type { Member } from '@shared/domain';
import { useMutation } from '@renderer/api/hooks';
import { Avatar } from '@renderer/ui/Avatar';
import { ConfirmDialog } from '@renderer/ui/ConfirmDialog';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { focusAfterRemoving, useInlineEdit } from '@renderer/ui/focus';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { useFormat } from '@renderer/app/settings-context';

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
  const { date: formatDate } = useFormat();
  const markLeft = useMutation('members.markLeft');
  const rejoin = useMutation('members.rejoin');
  const row = useRef<HTMLLIElement>(null);
  const edit = useInlineEdit(row, 'button[aria-label^="Edit "]');
  const [confirming, setConfirming] = useState(false);
  const left = member.leftAt !== null;
  // With reduced motion framer-motion still fades opacity; a row fading in is faint for its first frames, so it appears at once.
  const still = useReducedMotion() ?? false;

  if (edit.editing) {
    return (
      <li ref={row} className="member-row editing">
        <EditMember member={member} onDone={edit.close} />
      </li>
    );
  }

  return (
    <motion.li
      ref={row}
      className={`member-row${left ? ' is-left' : ''}`}
      layout="position"
      initial={still ? false : { opacity: 0, y: -4 }}
      animate={{ opacity: 1, y: 0 }}
      exit={still ? undefined : { opacity: 0 }}
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
            <button className="btn btn-ghost" onClick={edit.open} aria-label={`Edit ${member.name}`}>
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
          // The row moves to the former members: focus goes on to the next active member.
          const refocus = focusAfterRemoving(row.current, 'button[aria-label^="Mark as left: "]', 'form[aria-label="Add a member"] input');
          void markLeft.run({ memberId: member.id }).then((done) => done && refocus());
        }}
      >
        They will no longer be expected at meetings. Nothing they said, decided or committed to is removed, and they can rejoin later.
      </ConfirmDialog>
    </motion.li>
  );
}
