import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestServer {
  url: string;
  origin: string;
  port: number;
  dataDir: string;
  output: () => string;
  /** Presses Enter in the server's terminal and returns the fresh sign-in address it prints. */
  pressEnter(): Promise<string>;
  stop(): Promise<void>;
}

const SERVER_ENTRY = path.resolve('out/main/server.js');
const TEST_SERVER_ENTRY = path.resolve('out/main/test-server.js');

/** How long a wait for the server's words may take before it counts as hung (a test's own budget is 180 s). */
export const HANG_GUARD_MS = 60_000;

// Every folder a test makes is removed when its worker process ends, so runs leave nothing in the temp
// folder (hundreds of data folders piled up before). CADENCE_KEEP_TEST_DIRS=1 keeps them for a post-mortem.
const madeDirs = new Set<string>();
process.once('exit', () => {
  if (process.env.CADENCE_KEEP_TEST_DIRS === '1') return;
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDataDir(label = 'e2e'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cadence-${label}-`));
  madeDirs.add(dir);
  return dir;
}

/** The servers started since the running test began (tests/support/test.ts prints their output if it fails). */
const startedByThisTest: TestServer[] = [];
export function serversOfThisTest(): TestServer[] {
  return startedByThisTest;
}

/** Starts the real browser-mode server on its own data folder and reads the address it prints. */
export async function startServer(
  options: { dataDir?: string; port?: number; env?: Record<string, string>; clockFile?: string; noSyncAtStart?: boolean } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  // With a clock file, the test-only entry runs on the time the test writes there; it alone can skip the start-up sync.
  const entry = options.clockFile || options.noSyncAtStart ? TEST_SERVER_ENTRY : SERVER_ENTRY;
  const testEnv = {
    ...(options.clockFile ? { CADENCE_TEST_CLOCK_FILE: options.clockFile } : {}),
    ...(options.noSyncAtStart ? { CADENCE_TEST_NO_SYNC_AT_START: '1' } : {}),
  };
  const child: ChildProcess = spawn(process.execPath, [entry, '--port', String(options.port ?? 0)], {
    env: { ...process.env, CADENCE_DATA_DIR: dataDir, ...testEnv, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    // A guard against a hang, not a speed target: at load 20-25 on two cores a start took over 15 s (fixes16's run).
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), HANG_GUARD_MS);
    const check = () => {
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+\/\?code=\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  // A server that dies under a test says why (its exit and its last words), instead of a page left "reconnecting".
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping)
      process.stderr.write(`\n[test server of ${dataDir}] exited on its own (code ${code}, signal ${signal}):\n${out.slice(-4000)}\n`);
  });
  const parsed = new URL(url);
  const server: TestServer = {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    dataDir,
    output: () => out,
    pressEnter: () =>
      new Promise<string>((resolve, reject) => {
        const seen = out.length;
        const timer = setTimeout(() => reject(new Error(`no fresh address after Enter:\n${out.slice(seen)}`)), HANG_GUARD_MS);
        const check = () => {
          const match = /Fresh sign-in address: (http:\/\/127\.0\.0\.1:\d+\/\?code=\S+)/.exec(out.slice(seen));
          if (!match) return;
          clearTimeout(timer);
          child.stdout!.off('data', check);
          resolve(match[1]!);
        };
        child.stdout!.on('data', check);
        child.stdin!.write('\n');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  startedByThisTest.push(server);
  return server;
}

/** A clock the test server reads: write an instant, and that is "now" for main. */
export class TestClock {
  readonly file: string;
  constructor(
    dir: string,
    public current: number,
  ) {
    this.file = path.join(dir, 'test-clock.txt');
    this.write();
  }
  set(ms: number): void {
    this.current = ms;
    this.write();
  }
  advance(ms: number): void {
    this.set(this.current + ms);
  }
  private write(): void {
    fs.writeFileSync(this.file, String(this.current));
  }
}
