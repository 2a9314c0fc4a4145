import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Settings } from '@shared/domain';
import { useQuery } from '../api/hooks';

const DEFAULTS: Settings = { theme: 'light', dateStyle: 'locale', clock: '24h', weekStartsOn: 1, defaultExportFolder: null, chime: false };
export interface Formatters {
  settings: Settings;
  /** "Mon 30 Nov 2026" in the given zone, in the chosen date style. */
  date(ms: number, timeZone?: string): string;
  /** A calendar date kept as "2026-11-30" (a due, review or revisit date) in the same style as date(). */
  day(isoDate: string): string;
  /** day() without its year ("Mon, Nov 30"), where a row is short of room and the date is near (the projector's review). */
  shortDay(isoDate: string): string;
  /** Text the server wrote and stored with calendar dates in it ("Due 2026-11-30"), with those dates shown as day() does. */
  datesIn(text: string): string;
  time(ms: number, timeZone?: string): string;
  dateTime(ms: number, timeZone?: string): string;
  /**
   * Since when something runs ("under way since"): the time when it started today, the day too when it started on an
   * earlier one ("Mon 30 Nov, 10:02"): a meeting left running overnight read "since 10:02" as if it were this morning.
   */
  since(ms: number, timeZone?: string, now?: number): string;
}

function makeFormatters(settings: Settings): Formatters {
  const hour12 = settings.clock === '12h';
  // One formatter per kind and zone for these settings: building one costs a millisecond or more (the first several
  // tens, as ICU's data loads), and a list of meetings or commitments formats a date per row.
  const made = new Map<string, Intl.DateTimeFormat>();
  const formatter = (kind: string, timeZone: string | undefined, make: () => Intl.DateTimeFormat) => {
    const key = `${kind} ${timeZone ?? ''}`;
    let format = made.get(key);
    if (!format) made.set(key, (format = make()));
    return format;
  };
  const date = (ms: number, timeZone?: string) => {
    const d = new Date(ms);
    if (settings.dateStyle === 'locale') {
      return formatter(
        'date',
        timeZone,
        () => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone }),
      ).format(d);
    }
    const parts = Object.fromEntries(
      formatter(
        'parts',
        timeZone,
        () => new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', timeZone }),
      )
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
    const body =
      settings.dateStyle === 'iso'
        ? `${parts.year}-${parts.month}-${parts.day}`
        : settings.dateStyle === 'dmy'
          ? `${parts.day}/${parts.month}/${parts.year}`
          : `${parts.month}/${parts.day}/${parts.year}`;
    return `${parts.weekday} ${body}`;
  };
  const time = (ms: number, timeZone?: string) =>
    formatter('time', timeZone, () => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hour12, timeZone })).format(
      new Date(ms),
    );
  // A calendar date names no instant: read as noon UTC and shown in UTC, it is the same day in every zone.
  const day = (isoDate: string) => {
    const ms = Date.parse(`${isoDate}T12:00:00Z`);
    return Number.isNaN(ms) ? isoDate : date(ms, 'UTC');
  };
  const shortDay = (isoDate: string) => {
    const ms = Date.parse(`${isoDate}T12:00:00Z`);
    if (Number.isNaN(ms) || settings.dateStyle === 'iso') return day(isoDate);
    if (settings.dateStyle === 'locale')
      return formatter(
        'short',
        'UTC',
        () => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }),
      ).format(new Date(ms));
    // "Mon 30/11/2026" and "Mon 11/30/2026" without their year.
    return date(ms, 'UTC').replace(/\/\d{4}$/, '');
  };
  const datesIn = (text: string) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, day);
  const since = (ms: number, timeZone?: string, now = Date.now()) => {
    if (date(ms, timeZone) === date(now, timeZone)) return time(ms, timeZone);
    const started =
      settings.dateStyle === 'locale'
        ? formatter(
            'since',
            timeZone,
            () => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone }),
          ).format(new Date(ms))
        : settings.dateStyle === 'iso'
          ? date(ms, timeZone)
          : date(ms, timeZone).replace(/\/\d{4}$/, '');
    return `${started}, ${time(ms, timeZone)}`;
  };
  return { settings, date, day, shortDay, datesIn, time, since, dateTime: (ms, tz) => `${date(ms, tz)}, ${time(ms, tz)}` };
}

const FormatContext = createContext<Formatters>(makeFormatters(DEFAULTS));

/** Loads the saved settings once for the whole window and applies the theme. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const query = useQuery('settings.get', {});
  const settings = query.data ?? DEFAULTS;
  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);
  const value = useMemo(() => makeFormatters(settings), [settings]);
  return <FormatContext.Provider value={value}>{children}</FormatContext.Provider>;
}

export function useFormat(): Formatters {
  return useContext(FormatContext);
}
