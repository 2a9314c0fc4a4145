import type { Party, Role } from '@shared/agreements';
import type { Member } from '@shared/domain';

const encode = (p: Party) => (p.type === 'team' ? 'team' : `${p.type}:${p.id ?? ''}`);
function decode(value: string): Party {
  if (value === 'team') return { type: 'team', id: null };
  const [type, id] = value.split(':') as ['member' | 'role', string];
  return { type, id: id || null };
}

/** Who decides: a role (whoever holds it), a member, or the whole team. */
export function DeciderSelect(props: { value: Party; onChange: (p: Party) => void; members: Member[]; roles: Role[]; label: string }) {
  const roles = props.roles.filter((r) => r.retiredAt === null);
  const members = props.members.filter((m) => m.leftAt === null || (props.value.type === 'member' && props.value.id === m.id));
  return (
    <select className="input" aria-label={props.label} value={encode(props.value)} onChange={(e) => props.onChange(decode(e.target.value))}>
      <option value="team">The whole team</option>
      {roles.length > 0 && (
        <optgroup label="Roles">
          {roles.map((r) => (
            <option key={r.id} value={`role:${r.id}`}>
              {r.name} (role{r.holderName ? `, now ${r.holderName}` : ', vacant'})
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label="Members">
        {members.map((m) => (
          <option key={m.id} value={`member:${m.id}`}>
            {m.name}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
