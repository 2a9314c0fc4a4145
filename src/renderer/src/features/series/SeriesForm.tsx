import type { Member } from '@shared/domain';
import type { AgendaTemplate, Cadence, Series } from '@shared/planning';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { MemberSelect, TimeZoneSelect } from '@renderer/ui/pickers';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

type SeriesDraft = {
  name: string;
  cadence: Cadence;
  intervalWeeks: string;
  weekday: string;
  monthMode: 'day' | 'weekday';
  monthDay: string;
  monthWeek: string;
  startTime: string;
  timeZone: string;
  startsOn: string;
  defaultLengthMin: string;
  defaultFacilitatorId: string;
  rotateFacilitator: boolean;
  templateId: string;
};

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
  const form = useForm<'series.create' | 'series.update', SeriesDraft>(series ? 'series.update' : 'series.create', {
    initial: {
      name: series?.name ?? 'Weekly accountability',
      cadence: series?.cadence ?? 'weekly',
      intervalWeeks: String(series?.intervalWeeks ?? 2),
      weekday: String(series?.weekday ?? 1),
      monthMode: series?.monthDay ? 'day' : 'weekday',
      monthDay: String(series?.monthDay ?? 1),
      monthWeek: String(series?.monthWeek ?? 1),
      startTime: series?.startTime ?? '10:00',
      timeZone: series?.timeZone ?? teamTimeZone,
      startsOn: series?.startsOn ?? today,
      defaultLengthMin: String(series?.defaultLengthMin ?? 45),
      defaultFacilitatorId: series?.defaultFacilitatorId ?? '',
      rotateFacilitator: series?.rotateFacilitator ?? false,
      templateId: series?.templateId ?? templates[0]?.id ?? '',
    },
    // Numbers stay text while typed; not a number goes through as NaN and gets the contract's message.
    toInput: ({ monthMode, ...v }) => {
      const monthly = v.cadence === 'monthly';
      const fields = {
        ...v,
        intervalWeeks: Number(v.intervalWeeks),
        weekday: monthly && monthMode === 'day' ? null : Number(v.weekday),
        monthDay: monthly && monthMode === 'day' ? Number(v.monthDay) : null,
        monthWeek: monthly && monthMode === 'weekday' ? (Number(v.monthWeek) as 1 | 2 | 3 | 4 | -1) : null,
        defaultLengthMin: v.defaultLengthMin.trim() === '' ? Number.NaN : Number(v.defaultLengthMin),
        defaultFacilitatorId: v.defaultFacilitatorId || null,
        templateId: v.templateId || null,
      };
      return series ? { seriesId: series.id, ...fields } : { teamId, ...fields };
    },
    clears: [],
    onSaved: onDone,
  });
  const { values, set, error } = form;
  const { cadence, monthMode } = values;
  const { settings } = useFormat();
  // Weekdays listed from the week's first day, as the person set it.
  const weekOrder = Array.from({ length: 7 }, (_, i) => ((settings.weekStartsOn - 1 + i) % 7) + 1);

  return (
    <form className="card series-form" onSubmit={form.submit} aria-label={series ? 'Edit meeting series' : 'New meeting series'} noValidate>
      <Field label="Name" className="field-wide" error={error('name')}>
        <input className="input" value={values.name} onChange={(e) => set('name', e.target.value)} />
      </Field>
      <Field label="Cadence" error={error('cadence')}>
        <select className="input" value={cadence} onChange={(e) => set('cadence', e.target.value as Cadence)}>
          <option value="weekly">Weekly</option>
          <option value="every_n_weeks">Every N weeks</option>
          <option value="monthly">Monthly</option>
        </select>
      </Field>
      {cadence === 'every_n_weeks' && (
        <Field label="Every how many weeks" error={error('intervalWeeks')}>
          <input
            className="input"
            inputMode="numeric"
            value={values.intervalWeeks}
            onChange={(e) => set('intervalWeeks', e.target.value)}
          />
        </Field>
      )}
      {cadence === 'monthly' && (
        <Field label="Monthly on">
          <select className="input" value={monthMode} onChange={(e) => set('monthMode', e.target.value as 'day' | 'weekday')}>
            <option value="weekday">A weekday (e.g. first Monday)</option>
            <option value="day">A day of the month</option>
          </select>
        </Field>
      )}
      {cadence === 'monthly' && monthMode === 'day' && (
        <Field label="Day of the month" hint="29–31 fall on the last day of shorter months" error={error('monthDay')}>
          <input className="input" inputMode="numeric" value={values.monthDay} onChange={(e) => set('monthDay', e.target.value)} />
        </Field>
      )}
      {cadence === 'monthly' && monthMode === 'weekday' && (
        <Field label="Which week" error={error('monthWeek')}>
          <select className="input" value={values.monthWeek} onChange={(e) => set('monthWeek', e.target.value)}>
            <option value="1">First</option>
            <option value="2">Second</option>
            <option value="3">Third</option>
            <option value="4">Fourth</option>
            <option value="-1">Last</option>
          </select>
        </Field>
      )}
      {!(cadence === 'monthly' && monthMode === 'day') && (
        <Field label="Weekday" error={error('weekday')}>
          <select className="input" value={values.weekday} onChange={(e) => set('weekday', e.target.value)}>
            {weekOrder.map((day) => (
              <option key={day} value={day}>
                {WEEKDAYS[day - 1]}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Starts at" error={error('startTime')}>
        <input className="input" type="time" value={values.startTime} onChange={(e) => set('startTime', e.target.value)} />
      </Field>
      <Field label="Time zone" error={error('timeZone')}>
        <TimeZoneSelect value={values.timeZone} onChange={(zone) => set('timeZone', zone)} />
      </Field>
      <Field label="First meeting on or after" error={error('startsOn')}>
        <input className="input" type="date" value={values.startsOn} onChange={(e) => set('startsOn', e.target.value)} />
      </Field>
      <Field label="Length (minutes)" error={error('defaultLengthMin')}>
        <input
          className="input"
          inputMode="numeric"
          value={values.defaultLengthMin}
          onChange={(e) => set('defaultLengthMin', e.target.value)}
        />
      </Field>
      <Field label="Facilitator" error={error('defaultFacilitatorId')}>
        <MemberSelect
          value={values.defaultFacilitatorId}
          onChange={(id) => set('defaultFacilitatorId', id)}
          members={members}
          noneLabel="First active member"
        />
      </Field>
      <label className="field checkbox-field">
        <input type="checkbox" checked={values.rotateFacilitator} onChange={(e) => set('rotateFacilitator', e.target.checked)} />
        <span>Rotate the facilitator through the team</span>
      </label>
      <Field label="Agenda template" error={error('templateId')}>
        <select className="input" value={values.templateId} onChange={(e) => set('templateId', e.target.value)}>
          <option value="">Empty agenda</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.totalMin} min)
            </option>
          ))}
        </select>
      </Field>
      <div className="field-wide">
        <ErrorAlert error={form.formError} />
      </div>
      <div className="form-actions field-wide">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={!form.canSubmit}>
          {series ? 'Save series' : 'Create series'}
        </button>
      </div>
    </form>
  );
}
