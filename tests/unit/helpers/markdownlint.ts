import { lint } from 'markdownlint/sync';

/**
 * markdownlint with its default rules but line length (MD013: minutes and decision records hold
 * prose and tables as typed, one line each). Takes files by name and answers one line per fault,
 * `name:line MDxxx/rule-name description [detail] [context]`, so a failing test shows what to fix;
 * an empty list means the files are clean.
 */
export function markdownlintFaults(files: Record<string, string>): string[] {
  const results = lint({ strings: files, config: { default: true, MD013: false } });
  return Object.entries(results).flatMap(([name, faults]) =>
    faults.map((f) =>
      [
        `${name}:${f.lineNumber}`,
        f.ruleNames.join('/'),
        f.ruleDescription,
        f.errorDetail ? `[${f.errorDetail}]` : '',
        f.errorContext ? `[${f.errorContext}]` : '',
      ]
        .filter(Boolean)
        .join(' '),
    ),
  );
}
