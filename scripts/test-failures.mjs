// The end of npm test's output names each failed test with its error's first lines: a CI log may be kept only by its
// tail. A module of its own so a unit test can feed it both runners' reports (the tail once crashed on a failure).
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function firstLines(text, count = 4) {
  return String(text ?? '')
    .replace(ANSI_COLOUR, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(0, count)
    .map((l) => `      ${l.slice(0, 300)}`);
}

export function failureLines(vitestReport, playwrightReport) {
  const lines = [];
  for (const file of vitestReport?.testResults ?? []) {
    const name = String(file.name).replace(`${process.cwd()}/`, '');
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) lines.push(`  FAILED (unit) ${name} › ${t.fullName}`, ...firstLines(t.failureMessages?.[0]));
    if (file.status === 'failed' && failedTests.length === 0) lines.push(`  FAILED (unit) ${name}`, ...firstLines(file.message));
  }
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const results = (spec.tests ?? []).flatMap((t) => t.results ?? []);
      const error = results.find((r) => r.error)?.error;
      lines.push(`  FAILED (e2e) ${spec.file}:${spec.line} › ${spec.title}`, ...firstLines(error?.message));
    }
    for (const inner of suite.suites ?? []) walk(inner);
  };
  for (const suite of playwrightReport?.suites ?? []) walk(suite);
  return lines.length ? ['', 'Failures:', ...lines] : [];
}
