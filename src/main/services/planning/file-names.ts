/**
 * Made at the first slug, not when the module loads: building a segmenter loads ICU's break rules, some 12 ms of
 * CPU that every start of the app paid before its first screen, though no screen there names a file.
 */
let graphemes: Intl.Segmenter | undefined;

/** The most UTF-8 bytes a slug takes: file systems allow 255 a name, and a name holds up to two slugs beside a date,
 * a number or an extension, and the atomic write's temp name adds about 30 more. */
const MAX_SLUG_BYTES = 100;

/**
 * A lower-case, dash-separated piece of a file name: "Weekly Sync!" → "weekly-sync",
 * "田中さんにあげて下さい" stays as it is. Text is composed (NFC), never decomposed and stripped:
 * stripping combining marks turns げ into け and パ into ハ. Letters, marks and digits of every
 * script are kept; anything else (spaces, punctuation, what file systems forbid such as / \ : * ? " < > |,
 * and # or % that would break a relative link) becomes one dash. At most 60 characters as a reader
 * counts them and at most 100 bytes (a Devanagari syllable is 12; a letter under a pile of accents can be
 * hundreds), never cutting a letter from its marks.
 */
export function fileSlug(text: string): string {
  const dashed = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  let kept = '';
  let bytes = 0;
  let count = 0;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(dashed)) {
    bytes += Buffer.byteLength(segment);
    if (++count > 60 || bytes > MAX_SLUG_BYTES) break;
    kept += segment;
  }
  return kept.replace(/-+$/g, '') || 'untitled';
}
