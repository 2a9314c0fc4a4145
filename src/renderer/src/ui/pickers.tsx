import { useDeferredValue } from 'react';
import type { Member } from '@shared/domain';
import { timeZones } from './format';

/** What a `<Field>` hands its control: its id (for the label) and its error's description. */
interface FieldControl {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** Active members only: someone who left cannot own, facilitate or be assigned anything new. */
export function MemberSelect({
  value,
  onChange,
  members,
  noneLabel,
  label,
  ...control
}: FieldControl & {
  value: string;
  onChange: (id: string) => void;
  members: readonly Pick<Member, 'id' | 'name' | 'leftAt'>[];
  noneLabel: string;
  /** Only outside a `<Field>`, whose visible label names it. */
  label?: string;
}) {
  return (
    <select {...control} className="input" value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
      <option value="">{noneLabel}</option>
      {members
        .filter((m) => m.leftAt === null)
        .map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
    </select>
  );
}

export function TimeZoneSelect({
  value,
  onChange,
  label,
  ...control
}: FieldControl & { value: string; onChange: (zone: string) => void; label?: string }) {
  // The form opens with the chosen zone alone and lists the other 400 in a render of its own right after: made with
  // the form, their elements (and the browser's list of zones, asked for once per page) were most of the work
  // between a click on "New team" and its form showing.
  const listed = useDeferredValue(true, false);
  const zones = listed ? timeZones() : [];
  return (
    <select {...control} className="input" value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
      {(zones.includes(value) ? zones : [value, ...zones]).map((tz) => (
        <option key={tz} value={tz}>
          {tz.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  );
}
