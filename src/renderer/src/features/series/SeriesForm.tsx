import { useState, type FormEvent } from 'react';
import type { Member } from '@shared/domain';
import type { AgendaTemplate, Cadence, Series } from '@shared/planning';
import { useMutation } from '@renderer/api/hooks';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { MemberSelect, TimeZoneSelect } from '@renderer/ui/pickers';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Props {
  teamId: string;
  teamTimeZone: string;
  members: Member[];
  templates: AgendaTemplate[];
  series?: Series;
  today: string;
  onDone: () => void;
}

/** Name, cadence (weekly, every N weeks, monthly), time in the team's zone, length, facilitator, template. */
export function SeriesForm({ teamId, teamTimeZone, members, templates, series, today, onDone }: Props) {
  const create = useMutation('series.create');
  const update = useMutation('series.update');
  const [name, setName] = useState(series?.name ?? 'Weekly accountability');
  const [cadence, setCadence] = useState<Cadence>(series?.cadence ?? 'weekly');
  const [intervalWeeks, setIntervalWeeks] = useState(String(series?.intervalWeeks ?? 2));
  const [weekday, setWeekday] = useState(String(series?.weekday ?? 1));
  const [monthMode, setMonthMode] = useState<'day' | 'weekday'>(series?.monthDay ? 'day' : 'weekday');
  const [monthDay, setMonthDay] = useState(String(series?.monthDay ?? 1));
  const [monthWeek, setMonthWeek] = useState(String(series?.monthWeek ?? 1));
  const [startTime, setStartTime] = useState(series?.startTime ?? '10:00');
  const [timeZone, setTimeZone] = useState(series?.timeZone ?? teamTimeZone);
  const [startsOn, setStartsOn] = useState(series?.startsOn ?? today);
  const [length, setLength] = useState(String(series?.defaultLengthMin ?? 45));
  const [facilitatorId, setFacilitatorId] = useState(series?.defaultFacilitatorId ?? '');
  const [rotate, setRotate] = useState(series?.rotateFacilitator ?? false);
  const [templateId, setTemplateId] = useState(series?.templateId ?? templates[0]?.id ?? '');
  const mutation = series ? update : create;
  const { settings } = useFormat();
  // Weekdays listed from the week's first day, as the person set it.
  const weekOrder = Array.from({ length: 7 }, (_, i) => ((settings.weekStartsOn - 1 + i) % 7) + 1);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const monthly = cadence === 'monthly';
    const fields = {
      name,
      cadence,
      intervalWeeks: Number(intervalWeeks),
      weekday: monthly && monthMode === 'day' ? null : Number(weekday),
      monthDay: monthly && monthMode === 'day' ? Number(monthDay) : null,
      monthWeek: monthly && monthMode === 'weekday' ? (Number(monthWeek) as 1 | 2 | 3 | 4 | -1) : null,
      startTime,
      timeZone,
      startsOn,
      defaultLengthMin: length.trim() === '' ? Number.NaN : Number(length),
      defaultFacilitatorId: facilitatorId || null,
      rotateFacilitator: rotate,
      templateId: templateId || null,
    };
    const saved = series ? await update.run({ seriesId: series.id, ...fields }) : await create.run({ teamId, ...fields });
    if (saved) onDone();
  }

  return (
    <form className="card series-form" onSubmit={submit} aria-label={series ? 'Edit meeting series' : 'New meeting series'} noValidate>
      <label className="field field-wide">
        <span>Name</span>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>Cadence</span>
        <select className="input" value={cadence} onChange={(e) => setCadence(e.target.value as Cadence)}>
          <option value="weekly">Weekly</option>
          <option value="every_n_weeks">Every N weeks</option>
          <option value="monthly">Monthly</option>
        </select>
      </label>
      {cadence === 'every_n_weeks' && (
        <label className="field">
          <span>Every how many weeks</span>
          <input className="input" inputMode="numeric" value={intervalWeeks} onChange={(e) => setIntervalWeeks(e.target.value)} />
        </label>
      )}
      {cadence === 'monthly' && (
        <label className="field">
          <span>Monthly on</span>
          <select className="input" value={monthMode} onChange={(e) => setMonthMode(e.target.value as 'day' | 'weekday')}>
            <option value="weekday">A weekday (e.g. first Monday)</option>
            <option value="day">A day of the month</option>
          </select>
        </label>
      )}
      {cadence === 'monthly' && monthMode === 'day' && (
        <label className="field">
          <span>Day of the month</span>
          <input className="input" inputMode="numeric" value={monthDay} onChange={(e) => setMonthDay(e.target.value)} />
          <span className="hint">29–31 fall on the last day of shorter months</span>
        </label>
      )}
      {cadence === 'monthly' && monthMode === 'weekday' && (
        <label className="field">
          <span>Which week</span>
          <select className="input" value={monthWeek} onChange={(e) => setMonthWeek(e.target.value)}>
            <option value="1">First</option>
            <option value="2">Second</option>
            <option value="3">Third</option>
            <option value="4">Fourth</option>
            <option value="-1">Last</option>
          </select>
        </label>
      )}
      {!(cadence === 'monthly' && monthMode === 'day') && (
        <label className="field">
          <span>Weekday</span>
          <select className="input" value={weekday} onChange={(e) => setWeekday(e.target.value)}>
            {weekOrder.map((day) => (
              <option key={day} value={day}>
                {WEEKDAYS[day - 1]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>Starts at</span>
        <input className="input" type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />
      </label>
      <label className="field">
        <span>Time zone</span>
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} />
      </label>
      <label className="field">
        <span>First meeting on or after</span>
        <input className="input" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
      </label>
      <label className="field">
        <span>Length (minutes)</span>
        <input className="input" inputMode="numeric" value={length} onChange={(e) => setLength(e.target.value)} />
      </label>
      <label className="field">
        <span>Facilitator</span>
        <MemberSelect value={facilitatorId} onChange={setFacilitatorId} members={members} noneLabel="First active member" />
      </label>
      <label className="field checkbox-field">
        <input type="checkbox" checked={rotate} onChange={(e) => setRotate(e.target.checked)} />
        <span>Rotate the facilitator through the team</span>
      </label>
      <label className="field">
        <span>Agenda template</span>
        <select className="input" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          <option value="">Empty agenda</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.totalMin} min)
            </option>
          ))}
        </select>
      </label>
      <div className="field-wide">
        <ErrorAlert error={mutation.error} />
      </div>
      <div className="form-actions field-wide">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={mutation.pending}>
          {series ? 'Save series' : 'Create series'}
        </button>
      </div>
    </form>
  );
}
