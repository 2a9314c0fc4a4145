import type { Member } from '@shared/domain';
import { useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { MemberSelect } from '@renderer/ui/pickers';
import { RoleHistory, RoleItem } from './RoleItem';

function AddRoleForm({ teamId, members }: { teamId: string; members: Member[] }) {
  const form = useForm('roles.create', {
    initial: { name: '', purpose: '', holderId: '' },
    toInput: (v) => ({ teamId, ...v, holderId: v.holderId || null }),
  });
  const { values, set, error } = form;
  return (
    <form className="add-role" aria-label="Add a role" onSubmit={form.submit}>
      <Field label="Role" error={error('name')}>
        <input className="input" value={values.name} onChange={(e) => set('name', e.target.value)} placeholder="Release quality" />
      </Field>
      <Field label="Outcome it owns" error={error('purpose')}>
        <input
          className="input"
          value={values.purpose}
          onChange={(e) => set('purpose', e.target.value)}
          placeholder="Releases go out without regressions"
        />
      </Field>
      <Field label="Held by" error={error('holderId')}>
        <MemberSelect value={values.holderId} onChange={(id) => set('holderId', id)} members={members} noneLabel="Vacant for now" />
      </Field>
      <button className="btn" type="submit" disabled={!form.canSubmit}>
        Add role
      </button>
      <ErrorAlert error={form.formError} />
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
