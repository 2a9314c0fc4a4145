// What the Chromium benches share: the browser as playwright.config.ts launches it, the browser-mode server on a
// data folder (its sign-in address read from what it prints), and percentiles.
import { spawn } from 'node:child_process';
import { FEATURES_OFF } from './chromium-features.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--no-first-run',
  FEATURES_OFF,
];

export const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

export function startCadence(dataDir) {
  // BENCH_SERVER_PROFILE=<folder>: the server writes a V8 CPU profile there as it stops (open it in DevTools).
  const profile = process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SERVER_PROFILE] : [];
  const child = spawn(process.execPath, [...profile, 'out/main/server.js', '--port', '0'], {
    env: { ...process.env, CADENCE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+\/\?code=\S+)/.exec(out);
      if (match) resolve({ signIn: match[1], origin: new URL(match[1]).origin, pid: child.pid, stop: () => child.kill('SIGTERM') });
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}:\n${out}`)));
  });
}
