import { spawn } from 'node:child_process';

/** Why git failed, as the team page groups it: each kind has its own words and is retried on the next sync. */
export type GitFailureKind =
  'git-missing' | 'offline' | 'auth' | 'not-found' | 'rejected' | 'disk-full' | 'not-bare' | 'untrusted' | 'other';

export class GitFailure extends Error {
  constructor(
    readonly kind: GitFailureKind,
    message: string,
    readonly stderr = '',
  ) {
    super(message);
    this.name = 'GitFailure';
  }
}

export const GIT_MISSING =
  'Cadence syncs through git, which is not installed on this computer (or not on its PATH). Install it, then sync again: ' +
  'on Debian or Ubuntu `sudo apt install git`, on Fedora `sudo dnf install git`, on macOS `xcode-select --install`, ' +
  'on Windows from https://git-scm.com/download/win.';

/** Network operations give up after this long, so a sync never waits forever on a host that does not answer. */
const NETWORK_TIMEOUT_MS = 120_000;

export interface GitOptions {
  /** Bytes for git's standard input (fast-import's stream, cat-file's object names). */
  input?: string | Buffer;
  /** Exit codes that are answers rather than failures (merge-base --is-ancestor answers 1 for "no"). */
  okCodes?: number[];
  network?: boolean;
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs the system's git with arguments (never a shell string), with the person's own environment so their SSH
 * keys and credential helpers work, but never a prompt: with no terminal to answer it, git would wait forever.
 * Messages in English (LC_ALL=C) so a failure can be told apart; only plain transports (no `ext::` commands).
 */
export class Git {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  run(args: string[], options: GitOptions = {}): Promise<GitResult> {
    const env = { ...this.env, GIT_TERMINAL_PROMPT: '0', GIT_ALLOW_PROTOCOL: 'file:git:ssh:http:https', LC_ALL: 'C', LANGUAGE: 'C' };
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, { env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let timedOut = false;
      const timer = options.network
        ? setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, NETWORK_TIMEOUT_MS)
        : null;
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      // git may exit before reading all its input (a refused fetch): that is its answer, not a crash.
      child.stdin.on('error', () => undefined);
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (timer) clearTimeout(timer);
        reject(error.code === 'ENOENT' ? new GitFailure('git-missing', GIT_MISSING) : error);
      });
      child.on('close', (code) => {
        if (timer) clearTimeout(timer);
        const stderr = Buffer.concat(err).toString('utf8');
        if (timedOut) return reject(new GitFailure('offline', 'The repository did not answer within two minutes.', stderr));
        const result = { code: code ?? -1, stdout: Buffer.concat(out), stderr };
        if (code === 0 || (code !== null && options.okCodes?.includes(code))) resolve(result);
        else reject(new GitFailure(classify(stderr), `git ${subcommand(args)} failed: ${gitSays(stderr)}`, stderr));
      });
      child.stdin.end(options.input ?? '');
    });
  }

  async text(args: string[], options: GitOptions = {}): Promise<string> {
    return (await this.run(args, options)).stdout.toString('utf8').trim();
  }
}

/** The command git was asked to run (push, fetch...), past the options before it and the folder `--git-dir` names. */
function subcommand(args: string[]): string {
  return args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--git-dir') ?? '';
}

function lastLines(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.slice(-3).join(' ') || 'no message';
}

/**
 * What git said, as the end of a message: its last lines, or for a repository git does not trust, the line naming its
 * folder and the command that trusts it (git's own advice, which the last lines, "Could not read from remote", lose).
 */
function gitSays(stderr: string): string {
  const folder = /detected dubious ownership in repository at '(.*)'/.exec(stderr)?.[1];
  if (folder)
    return `detected dubious ownership in repository at '${folder}'; to trust it: git config --global --add safe.directory ${folder}`;
  return lastLines(stderr);
}

/**
 * git's own English messages (LC_ALL=C), sorted into what the person can do about them. A full disk, a repository
 * with a work tree and one git does not trust come first: each also ends in "[remote rejected]" or "Could not read
 * from remote repository", which would send the person after a race or the network instead.
 */
function classify(stderr: string): GitFailureKind {
  if (/No space left on device|Disk quota exceeded/i.test(stderr)) return 'disk-full';
  if (/branch is currently checked out|refusing to update checked out branch/i.test(stderr)) return 'not-bare';
  if (/detected dubious ownership/i.test(stderr)) return 'untrusted';
  if (/\[rejected\]|Updates were rejected|non-fast-forward|fetch first|\[remote rejected\]|failed to update ref/i.test(stderr))
    return 'rejected';
  if (
    /Authentication failed|Permission denied|could not read Username|terminal prompts disabled|HTTP Basic: Access denied|returned error: 40[13]/i.test(
      stderr,
    )
  )
    return 'auth';
  if (
    /Could not resolve host|Connection refused|Network is unreachable|timed out|Connection reset|unable to access|Could not resolve hostname|No route to host/i.test(
      stderr,
    )
  )
    return 'offline';
  if (/does not appear to be a git repository|repository .* not found|not found|No such file or directory/i.test(stderr))
    return 'not-found';
  return 'other';
}
