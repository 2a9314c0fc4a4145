/**
 * Text written as a sentence of its own, continued after "because" (MADR's `Chosen option: "…", because …` and
 * `Good, because …`): its first word loses its capital when it is an ordinary word ("Halving regression days" →
 * "halving regression days"). A name, an acronym, "I", or a word with capitals inside keeps its spelling.
 */
export function afterBecause(sentence: string, names: readonly string[]): string {
  const first = /^(\p{Lu})(\p{Ll}*)(?=$|[^\p{L}\p{M}\p{N}])/u.exec(sentence);
  if (!first || first[2] === '') return sentence;
  const word = first[0];
  const isName = names.some((name) => name.split(/\s+/).includes(word));
  return isName ? sentence : word.toLowerCase() + sentence.slice(word.length);
}
