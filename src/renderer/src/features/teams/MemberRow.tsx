import { motion, useReducedMotion } from 'framer-motion';
import { useState, type FormEvent } from 'react';
import type { Member } from '@shared/domain';
import { useMutation } from '@renderer/api/hooks';
import { Avatar } from '@renderer/ui/Avatar';
import { ConfirmDialog } from '@renderer/ui/ConfirmDialog';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { formatDate } from '@renderer/ui/format';

export function MemberRow({ member, roles }: { member: Member; roles?: string[] }) {
  const update = useMutation('members.update');
  const markLeft = useMutation('members.markLeft');
  const rejoin = useMutation('members.rejoin');
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(member.name);
  const [roleTitle, setRoleTitle] = useState(member.roleTitle ?? '');
  const left = member.leftAt !== null;
  // With reduced motion framer-motion still fades opacity; a row fading in is faint for its first frames, so it appears at once.
  const still = useReducedMotion() ?? false;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (await update.run({ memberId: member.id, name, roleTitle })) setEditing(false);
  }

  if (editing) {
    return (
      <li className="member-row editing">
        <form onSubmit={save} className="member-edit" aria-label={`Edit ${member.name}`}>
          <label className="field">
            <span>Name</span>
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </label>
          <label className="field">
            <span>Role title</span>
            <input className="input" value={roleTitle} onChange={(e) => setRoleTitle(e.target.value)} placeholder="optional" />
          </label>
          <div className="member-edit-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={update.pending}>
              Save
            </button>
          </div>
        </form>
        <ErrorAlert error={update.error} />
      </li>
    );
  }

  return (
    <motion.li
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
