/**
 * What a form holds once its save succeeded: each field in `clears` goes back to its initial value, but only if it
 * still holds what was submitted. Anything typed while the save was in flight is the person's next entry and stays.
 */
export function afterSave<V extends Record<string, unknown>>(current: V, submitted: V, initial: V, clears: readonly (keyof V)[]): V {
  const next = { ...current };
  for (const field of clears) {
    if (Object.is(current[field], submitted[field])) next[field] = initial[field];
  }
  return next;
}
