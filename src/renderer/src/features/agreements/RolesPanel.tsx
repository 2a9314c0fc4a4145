import { useState, type FormEvent } from 'react';
import type { Member } from '@shared/domain';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { MemberSelect } from '@renderer/ui/pickers';
import { RoleHistory, RoleItem } from './RoleItem';

function AddRoleForm({ teamId, members }: { teamId: string; members: Member[] }) {
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [holderId, setHolderId] = useState('');
  const action = useMutation();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await action.run('roles.create', { teamId, name, purpose, holderId: holderId || null })) {
      setName('');
      setPurpose('');
      setHolderId('');
    }
  }
  return (
    <form className="add-role" aria-label="Add a role" onSubmit={submit}>
      <label className="field">
        <span>Role</span>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="Release quality" />
      </label>
      <label className="field">
        <span>Outcome it owns</span>
        <input
          className="input"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          placeholder="Releases go out without regressions"
        />
      </label>
      <label className="field">
        <span>Held by</span>
        <MemberSelect value={holderId} onChange={setHolderId} members={members} noneLabel="Vacant for now" label="New role held by" />
      </label>
      <button className="btn" type="submit" disabled={!name.trim() || action.pending}>
        Add role
      </button>
      <ErrorAlert error={action.error} />
    </form>
  );
}

/** Roles are outcomes a member owns; handing one over keeps who held it before. */
export function RolesPanel({ teamId, members }: { teamId: string; members: Member[] }) {
  const roles = useQuery('roles.list', { teamId });
  const active = (roles.data ?? []).filter((r) => r.retiredAt === null);
  const retired = (roles.data ?? []).filter((r) => r.retiredAt !== null);
  return (
    <section className="card team-roles" aria-labelledby="roles-heading">
      <div className="section-head">
        <h2 id="roles-heading">Roles</h2>
        <span className="badge">{active.length}</span>
      </div>
      <p className="muted-note">Outcomes a member owns, not task lists. A decision right in the agreement can name a role.</p>
      <ErrorAlert error={roles.error} />
      <ul className="role-list" aria-label="Roles">
        {active.map((r) => (
          <RoleItem key={r.id} role={r} members={members} />
        ))}
      </ul>
      <AddRoleForm teamId={teamId} members={members} />
      {retired.length > 0 && (
        <details className="retired-roles">
          <summary>Retired roles ({retired.length})</summary>
          <ul aria-label="Retired roles">
            {retired.map((r) => (
              <li key={r.id}>
                <span className="role-name">{r.name}</span>
                {r.purpose && <span className="role-purpose">{r.purpose}</span>}
                <RoleHistory role={r} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** The roles each member holds now, for their row. */
export function useRolesByMember(teamId: string): Map<string, string[]> {
  const roles = useQuery('roles.list', { teamId });
  const map = new Map<string, string[]>();
  for (const r of roles.data ?? []) {
    if (r.retiredAt === null && r.holderId) map.set(r.holderId, [...(map.get(r.holderId) ?? []), r.name]);
  }
  return map;
}
