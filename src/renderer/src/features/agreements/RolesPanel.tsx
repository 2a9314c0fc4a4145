import { useState, type FormEvent } from 'react';
import type { Role, RoleEvent } from '../../../../shared/agreements';
import type { Member } from '../../../../shared/domain';
import { useQuery } from '../../api/hooks';
import { useAction } from '../../api/use-action';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { MemberSelect } from '../../ui/pickers';

const TOPICS = ['agreements', 'teams'] as const;

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

function RoleItem({ role, members }: { role: Role; members: Member[] }) {
  const action = useAction();
  const formerHolder = members.find((m) => m.id === role.holderId && m.leftAt !== null);
  return (
    <li className="role-item" aria-label={`Role: ${role.name}`}>
      <div className="role-main">
        <span className="role-name">{role.name}</span>
        {role.purpose && <span className="role-purpose">{role.purpose}</span>}
        {formerHolder && <span className="badge badge-warn">{formerHolder.name} has left: hand it over</span>}
      </div>
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
      <ErrorAlert error={action.error} />
    </li>
  );
}

function AddRoleForm({ teamId, members }: { teamId: string; members: Member[] }) {
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [holderId, setHolderId] = useState('');
  const action = useAction();
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
  const roles = useQuery('roles.list', { teamId }, TOPICS);
  const active = (roles.data ?? []).filter((r) => r.retiredAt === null);
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
    </section>
  );
}

/** The roles each member holds now, for their row. */
export function useRolesByMember(teamId: string): Map<string, string[]> {
  const roles = useQuery('roles.list', { teamId }, TOPICS);
  const map = new Map<string, string[]>();
  for (const r of roles.data ?? []) {
    if (r.retiredAt === null && r.holderId) map.set(r.holderId, [...(map.get(r.holderId) ?? []), r.name]);
  }
  return map;
}
