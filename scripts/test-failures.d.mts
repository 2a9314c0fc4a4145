/** Lines naming each failed test in Vitest's and Playwright's JSON reports, or none when nothing failed. */
export function failureLines(vitestReport: unknown, playwrightReport: unknown): string[];
