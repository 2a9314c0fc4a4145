export interface SearchQuery {
  /** An FTS5 expression built only from quoted words, or null when there is nothing to search for. */
  match: string | null;
  terms: string[];
  /** Whether the last term was searched as a prefix. */
  lastIsPrefix: boolean;
  notice: string | null;
}

const MAX_TERMS = 12;
const PREFIX_MIN = 3;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const OPERATOR_WORDS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
const SYNTAX = /["*()^:+{}-]/;

/**
 * Turns what a person typed into a safe FTS5 query: every word becomes a quoted term, the last
 * one a prefix ("word"*), all of them required. FTS syntax (quotes, *, -, NEAR, parentheses, unbalanced
 * quotes) is never interpreted, so no input can make the search throw.
 */
export function toSearchQuery(typed: string): SearchQuery {
  const text = typed.normalize('NFC').trim();
  if (text === '') return { match: null, terms: [], lastIsPrefix: false, notice: null };
  const words = [...text.matchAll(WORD)].map((m) => m[0]);
  const unique = [...new Set(words.map((w) => w.toLocaleLowerCase()))];
  const terms = unique.slice(0, MAX_TERMS);
  if (terms.length === 0) {
    return {
      match: null,
      terms: [],
      lastIsPrefix: false,
      notice: `Nothing to search for in “${text.slice(0, 40)}”: type a word or a number.`,
    };
  }
  const notes: string[] = [];
  if (SYNTAX.test(text) || words.some((w) => OPERATOR_WORDS.has(w))) {
    notes.push('Quotes, *, -, parentheses and words like NEAR or OR are searched as plain text: all the words must appear.');
  }
  if (unique.length > MAX_TERMS) notes.push(`Only the first ${MAX_TERMS} words are searched.`);
  const lastIsPrefix = (terms.at(-1)?.length ?? 0) >= PREFIX_MIN;
  return {
    lastIsPrefix,
    // Only the last word is matched as a prefix (it may still be being typed); a prefix of one
    // or two letters would match half the log, so it waits for a third.
    match: terms.map((t, i) => (i === terms.length - 1 && lastIsPrefix ? `"${t}"*` : `"${t}"`)).join(' '),
    terms,
    notice: notes.length > 0 ? notes.join(' ') : null,
  };
}

/**
 * The FTS5 query of the words matched whole: every word but a last one matched as a prefix; null when there are none.
 * Each of the search's matches is one of its matches.
 */
export function wholeWordsOf(query: SearchQuery): string | null {
  const whole = query.lastIsPrefix ? query.terms.slice(0, -1) : query.terms;
  return whole.length > 0 ? whole.map((t) => `"${t}"`).join(' ') : null;
}
