import { MARK_END, MARK_START } from '@shared/decisions';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

const NON_ASCII = /[^\p{ASCII}]/u;

/** The same folding as the FTS5 tokenizer (unicode61, remove_diacritics 2): no accents, no case. */
export function fold(word: string): string {
  // Plain ASCII has no accents to take off; most words of most logs are, and a page marks thousands.
  return !NON_ASCII.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface Terms {
  words: string[];
  /** Whether the last word matches as a prefix, as the search did. */
  lastIsPrefix: boolean;
}

type Hit = (token: string) => boolean;

function matcher({ words, lastIsPrefix }: Terms): Hit {
  const folded = words.map(fold);
  const exact = new Set(lastIsPrefix ? folded.slice(0, -1) : folded);
  const prefix = lastIsPrefix ? folded.at(-1) : undefined;
  return (token) => {
    const f = fold(token);
    return exact.has(f) || (prefix !== undefined && f.startsWith(prefix));
  };
}

const ASCII_ONLY = /^\p{ASCII}*$/u;
const ASCII_WORD = /[A-Za-z0-9]+/g;
const ASCII_TERM = /^[a-z0-9]+$/;

/**
 * The searched words in plain ASCII text, found by one regular expression: in such text a word is a run of letters and
 * digits and folding is lower-casing, so this finds what `matcher` finds, without folding every word of every text.
 */
function asciiHits({ words, lastIsPrefix }: Terms): RegExp | null {
  const folded = words.map(fold);
  const prefix = lastIsPrefix ? folded.at(-1) : undefined;
  const parts = (lastIsPrefix ? folded.slice(0, -1) : folded).filter((w) => ASCII_TERM.test(w));
  if (prefix !== undefined && ASCII_TERM.test(prefix)) parts.push(`${prefix}[A-Za-z0-9]*`);
  return parts.length > 0 ? new RegExp(`(?<![A-Za-z0-9])(?:${parts.join('|')})(?![A-Za-z0-9])`, 'gi') : null;
}

interface Token {
  start: number;
  end: number;
  hit: boolean;
}

/**
 * Marks the searched words in texts with MARK_START/MARK_END, for one search's terms. Done here rather than
 * by FTS5's highlight(), which re-runs the whole query per row and costs seconds on common words.
 */
export function marker(terms: Terms) {
  const hit = matcher(terms);
  const ascii = asciiHits(terms);

  /** The text's words, each with whether it is a searched one. */
  function tokens(text: string): Token[] {
    if (!ASCII_ONLY.test(text))
      return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, hit: hit(m[0]) }));
    const found = new Set(ascii ? [...text.matchAll(ascii)].map((m) => m.index) : []);
    return [...text.matchAll(ASCII_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, hit: found.has(m.index) }));
  }

  /** Whether the text holds a searched word; for ASCII text without building its words. */
  function holds(text: string): boolean {
    if (!ASCII_ONLY.test(text)) return tokens(text).some((t) => t.hit);
    // search(), not test(): it leaves the expression's lastIndex alone, which matchAll() would start from.
    return ascii !== null && text.search(ascii) !== -1;
  }

  return {
    /** The whole text, every match marked. */
    all(text: string): string {
      return holds(text) ? markRange(text, tokens(text), 0, text.length) : text;
    },
    /** A window of about `size` words around the first match, marked; empty when nothing matches. */
    snippet(text: string, size = 16): string {
      if (!holds(text)) return '';
      const list = tokens(text);
      const first = list.findIndex((t) => t.hit);
      if (first < 0) return '';
      const startIndex = Math.max(0, first - Math.floor(size / 3));
      const endIndex = Math.min(list.length - 1, startIndex + size - 1);
      const from = startIndex === 0 ? 0 : list[startIndex]!.start;
      const to = endIndex === list.length - 1 ? text.length : list[endIndex]!.end;
      return `${from > 0 ? '…' : ''}${markRange(text, list, from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
    },
  };
}

function markRange(text: string, list: Token[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const t of list) {
    if (!t.hit || t.end <= from || t.start >= to) continue;
    out += text.slice(at, t.start) + MARK_START + text.slice(t.start, t.end) + MARK_END;
    at = t.end;
  }
  return out + text.slice(at, to);
}
