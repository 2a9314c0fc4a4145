import { parse, visit, type Document, type ToStringOptions } from 'yaml';

/** The only plain texts a YAML 1.1 reader can take for something else: its booleans and null, or a number or date. */
const MAYBE_NOT_TEXT = /^(?:[-+.0-9~]|(?:y|n|yes|no|true|false|on|off|null)$)/i;

/** Whether a YAML 1.1 reader takes this text, written plain, for another value (`No` for false, `12:30` for 750). */
function misreadByYaml11(value: string): boolean {
  if (!MAYBE_NOT_TEXT.test(value)) return false;
  try {
    return parse(value, { version: '1.1' }) !== value;
  } catch {
    return true;
  }
}

/**
 * Quotes every text in the front matter, but the values of `plainKeys`, that a YAML 1.1 reader would read as
 * something else. The serialiser writes YAML 1.2, where `No`, `on`, `y`, `1_000` and `12:30` are text and stay plain;
 * PyYAML (MkDocs, Python ADR tools) and Ruby's Psych (Jekyll) read YAML 1.1, where a member named `No` became false.
 * A date under `plainKeys` stays plain, as MADR writes it, for readers to take as a date.
 */
export function quoteForYaml11Readers(doc: Document, plainKeys: readonly string[] = []): Document {
  visit(doc, {
    Pair: (_, pair) => {
      const key = (pair.key as { value?: unknown } | null)?.value;
      return typeof key === 'string' && plainKeys.includes(key) ? visit.SKIP : undefined;
    },
    Scalar: (_, node) => {
      if (typeof node.value === 'string' && misreadByYaml11(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc;
}

/**
 * What a front matter never holds as it is: `<`, `>` and `&`, which a Markdown reader that knows no front matter
 * (markdown-it, plain CommonMark, many viewers: the block is a paragraph to them) reads as HTML or an entity; the
 * line breaks YAML 1.1 knows beside LF and CR (NEL, U+2028, U+2029), where PyYAML folds the text; and what YAML 1.1
 * does not allow in a file at all (DEL, C1 controls, U+FFFE, U+FFFF: PyYAML refuses the whole front matter), and
 * a byte order mark, which some readers drop.
 */
const NOT_AS_IS = /[<>&\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]/;

/** A YAML double-quoted escape for one character: `\x3C`, `\u2028`. */
const escaped = (c: string) => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
};

/**
 * The front matter's text: every text holding one of those characters double-quoted, the character written as its
 * escape (`"\x3Cb\x3E Q\x26A"`), which YAML 1.2 and 1.1 readers (the yaml package, js-yaml, PyYAML) read
 * back as the exact text. Nothing else in the front matter can hold them (its keys are the app's own words), so each
 * one in the serialised text is inside such a double-quoted text, where an escape means the character.
 */
export function frontMatterYaml(doc: Document, options: ToStringOptions): string {
  visit(doc, {
    Scalar: (_, node) => {
      if (typeof node.value === 'string' && NOT_AS_IS.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString(options).replace(new RegExp(NOT_AS_IS.source, 'g'), escaped);
}
