import { expect, it } from 'vitest';
import { failureLines } from '../../scripts/test-failures.mjs';

/** npm test's last lines name what failed: the landing CI of 1f96542 crashed printing them instead. */
it('names a failed unit test and a failed end-to-end test with the first lines of their errors', () => {
  const esc = String.fromCharCode(27);
  const vitest = {
    testResults: [
      {
        name: `${process.cwd()}/tests/unit/a.test.ts`,
        status: 'failed',
        assertionResults: [
          { status: 'passed', fullName: 'fine' },
          {
            status: 'failed',
            fullName: 'keeps the notes',
            failureMessages: [`${esc}[31mAssertionError${esc}[39m: lost\n\n  at x\n  at y\n  at z`],
          },
        ],
      },
    ],
  };
  const playwright = {
    suites: [
      {
        suites: [
          {
            specs: [
              { ok: true, file: 'ok.spec.ts', line: 1, title: 'fine', tests: [] },
              {
                ok: false,
                file: 'health.spec.ts',
                line: 11,
                title: 'a check-out round',
                tests: [{ results: [{ error: { message: 'Expected "Dan"\nReceived "Cleo"' } }] }],
              },
            ],
          },
        ],
      },
    ],
  };
  expect(failureLines(vitest, playwright)).toEqual([
    '',
    'Failures:',
    '  FAILED (unit) tests/unit/a.test.ts › keeps the notes',
    '      AssertionError: lost',
    '        at x',
    '        at y',
    '        at z',
    '  FAILED (e2e) health.spec.ts:11 › a check-out round',
    '      Expected "Dan"',
    '      Received "Cleo"',
  ]);
});

it('says nothing when nothing failed, and survives a runner that wrote no report', () => {
  expect(failureLines(null, null)).toEqual([]);
  expect(failureLines({ testResults: [{ name: 'x', status: 'passed', assertionResults: [] }] }, { suites: [] })).toEqual([]);
});
