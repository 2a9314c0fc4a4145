import type { Member } from '@shared/domain';
import { timeZones } from './format';

/** Active members only: someone who left cannot own, facilitate or be assigned anything new. */
export function MemberSelect(props: {
  value: string;
  onChange: (id: string) => void;
  members: Member[];
  noneLabel: string;
  label?: string;
}) {
  return (
    <select className="input" value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-label={props.label}>
      <option value="">{props.noneLabel}</option>
      {props.members
        .filter((m) => m.leftAt === null)
        .map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
    </select>
  );
}

export function TimeZoneSelect(props: { value: string; onChange: (zone: string) => void; label?: string }) {
  return (
    <select className="input" value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-label={props.label}>
      {timeZones().map((tz) => (
        <option key={tz} value={tz}>
          {tz.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  );
}
