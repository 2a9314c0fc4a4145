import { parse, visit, type Document } from 'yaml';

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
