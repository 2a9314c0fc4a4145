import { z } from 'zod';

/** Control characters other than tab and newline never belong in what a person typed (C1 ones, U+0080-U+009F, neither). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * What breaks a line: besides CR and LF, the line and paragraph separators (U+2028, U+2029), which YAML readers,
 * log4brains and a Markdown table's row take as a line's end (a member so named left an ADR with no deciders). NEL
 * (U+0085) is a C1 control, refused as one.
 */
const LINE_BREAK = /[\r\n\u2028\u2029]/;

// A limit in a message reads "20,000": written out here rather than with Intl.NumberFormat, whose first instance
// costs the first screen tens of milliseconds on a busy machine (ICU's data loads) the moment a form builds its
// schema, for a digit grouping that never varies.
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A shared schema built the first time something parses with it (z.lazy, which keeps the schema it built): building
 * each of them when the contract loads cost main's start CPU for schemas most starts never use, since every
 * operation's own input is built on first use too (operations/io.ts).
 */
export const onFirstUse = <T extends z.ZodType>(build: () => T) => z.lazy(build);

export const id = onFirstUse(() => z.uuid({ message: 'Must be an id' }));

/** A single-line name: trimmed, required, bounded. */
export function name(label: string, max = 120) {
  return (
    z
      .string({ message: `${label} must be text` })
      // One spelling per name: "Zoë" typed with a combining accent is the same person as "Zoë".
      .transform((s) => s.normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(1, { message: `${label} is required` })
          .max(max, { message: `${label} must be at most ${max} characters` })
          .refine((s) => !CONTROL.test(s) && !LINE_BREAK.test(s), {
            message: `${label} must be a single line without control characters`,
          }),
      )
  );
}

/** An optional single-line text: empty means "none" (null). */
export function optionalLine(label: string, max = 120) {
  return z
    .string({ message: `${label} must be text` })
    .trim()
    .max(max, { message: `${label} must be at most ${max} characters` })
    .refine((s) => !CONTROL.test(s) && !LINE_BREAK.test(s), {
      message: `${label} must be a single line without control characters`,
    })
    .nullable()
    .transform((s) => (s ? s : null));
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = onFirstUse(() =>
  z
    .string({ message: 'Time zone must be text' })
    .trim()
    .min(1, { message: 'Time zone is required' })
    .max(64)
    .refine(isTimeZone, { message: 'Time zone must be an IANA name such as Europe/Berlin' }),
);

/** A file name without folders or characters any of the three desktop systems refuse. */
export const fileName = onFirstUse(() =>
  z
    .string({ message: 'File name must be text' })
    .trim()
    .min(1, { message: 'File name is required' })
    .max(180, { message: 'File name must be at most 180 characters' })
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[<>:"/\\|?*\u0000-\u001F]/.test(s) && s !== '.' && s !== '..', {
      message: 'File name must not contain folders or any of < > : " / \\ | ? *',
    }),
);

/** A calendar date 'YYYY-MM-DD' that exists. */
export const calendarDate = onFirstUse(() =>
  z
    .string({ message: 'Date must be text' })
    .trim()
    .refine(
      (s) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
        if (!m) return false;
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
        return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
      },
      { message: 'Date must be a real date written YYYY-MM-DD' },
    ),
);

export const wallTime = onFirstUse(() =>
  z
    .string({ message: 'Time must be text' })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Time must be HH:MM on a 24-hour clock' }),
);

/** Planned minutes: a whole number from 1 to 480 (eight hours). */
export function minutes(label: string) {
  return z
    .number({ message: `${label} must be a number of minutes` })
    .int({ message: `${label} must be whole minutes` })
    .min(1, { message: `${label} must be at least 1 minute` })
    .max(480, { message: `${label} cannot be more than 8 hours (480 minutes)` });
}

/** Free text a person typed: newlines allowed, other control characters not, bounded. */
export function longText(label: string, max = 20_000) {
  return z
    .string({ message: `${label} must be text` })
    .max(max, { message: `${label} must be at most ${thousands(max)} characters` })
    .refine((s) => !CONTROL.test(s), { message: `${label} must not contain control characters` })
    .transform((s) => s.replace(/\r\n?/g, '\n').replace(/\s+$/u, ''));
}

// Zero-width and byte-order characters look like nothing; a reason made of them is no reason.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** A reason a person must give (a block, an overrule, an amendment): words, not only spaces. */
export function reasonText(label: string, max = 2000) {
  return z
    .string({ message: `${label} must be text` })
    .refine((s) => !CONTROL.test(s), { message: `${label} must not contain control characters` })
    .transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim())
    .pipe(
      z
        .string()
        .max(max, { message: `${label} must be at most ${thousands(max)} characters` })
        .refine(hasWords, { message: `${label} is required: write a few words, not only spaces or punctuation` }),
    );
}

/** True when the text holds at least one letter or digit. */
export function hasWords(s: string | null | undefined): boolean {
  return !!s && /[\p{L}\p{N}]/u.test(s);
}

/** A tag: one short line, compared without case. */
export const tag = onFirstUse(() =>
  z
    .string({ message: 'A tag must be text' })
    .transform((s) => s.normalize('NFC').trim().toLowerCase())
    .pipe(
      z
        .string()
        .min(1, { message: 'A tag cannot be empty' })
        .max(40, { message: 'A tag must be at most 40 characters' })
        .refine((s) => !CONTROL.test(s) && !LINE_BREAK.test(s) && !s.includes(','), { message: 'A tag must be one line without commas' }),
    ),
);
