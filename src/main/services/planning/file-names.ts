const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A lower-case, dash-separated piece of a file name: "Weekly Sync!" → "weekly-sync",
 * "田中さんにあげて下さい" stays as it is. Text is composed (NFC), never decomposed and stripped:
 * stripping combining marks turns げ into け and パ into ハ. Letters, marks and digits of every
 * script are kept; anything else (spaces, punctuation, what file systems forbid such as / \ : * ? " < > |,
 * and # or % that would break a relative link) becomes one dash. At most 60 characters as a reader
 * counts them, never cutting a letter from its marks.
 */
export function fileSlug(text: string): string {
  const dashed = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const kept = Array.from(graphemes.segment(dashed), (s) => s.segment)
    .slice(0, 60)
    .join('')
    .replace(/-+$/g, '');
  return kept || 'untitled';
}
