import { createHash } from 'node:crypto';
import type { Git } from './git';
import { knownFiles, knownTexts, knownTree, rememberTree, type Known, type KnownBlob } from './known-trees';
import type { TreeFiles } from './sync-data';

/** Where Cadence's files live in a team's repository: its data, the MADR folder it regenerates, and the README. */
export const DATA_FOLDER = 'cadence/';
export const MADR_FOLDER = 'decisions/';
export const README = 'README.md';

/** The largest file a repository may hand Cadence (a year of one team's meetings is far smaller). */
export const FILE_CAP_BYTES = 10 * 1024 * 1024;

/**
 * The most Cadence reads from a repository's cadence/ folder in all, far above a real team's (a team archive, the same
 * rows as JSON, is at most 20 MB). Each file under the cap is not enough: thousands of near-identical files download
 * as a few MB, and their text is read into memory at once.
 */
export const DATA_CAP_BYTES = 256 * 1024 * 1024;

/** Hostile or unreadable content a repository holds: the sync stops before anything is written, with this reason. */
export class TreeRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TreeRefused';
  }
}

interface Entry {
  mode: string;
  type: string;
  oid: string;
  size: number;
  path: string;
}

function checkEntry(e: Entry, cap: number): void {
  const where = `“${e.path}”`;
  if (e.mode === '120000')
    throw new TreeRefused(`The repository holds a symbolic link, ${where}; Cadence reads only plain files and wrote nothing.`);
  if (e.mode === '160000' || e.type === 'commit')
    throw new TreeRefused(`The repository holds a submodule, ${where}; Cadence reads only plain files and wrote nothing.`);
  if (e.type !== 'blob' || (e.mode !== '100644' && e.mode !== '100755'))
    throw new TreeRefused(`The repository holds ${where}, which is not a plain file (mode ${e.mode}); Cadence wrote nothing.`);
  const inside = e.path === README || e.path.startsWith(DATA_FOLDER) || e.path.startsWith(MADR_FOLDER);
  if (!inside || e.path.split('/').some((part) => part === '..' || part === '.' || part === '' || part === '.git'))
    throw new TreeRefused(
      `The repository holds ${where}, outside Cadence's folders (${DATA_FOLDER}, ${MADR_FOLDER} and ${README}); a team's repository holds nothing else, so Cadence wrote nothing.`,
    );
  if (e.size > cap)
    throw new TreeRefused(
      `The repository holds ${where} of ${(e.size / 1024 / 1024).toFixed(1)} MB, more than the ${Math.round(cap / 1024 / 1024)} MB Cadence reads in one file; Cadence wrote nothing.`,
    );
}

/** Every entry of a commit's tree, recursively (`ls-tree -r -z --long`: mode, type, object, size, path). */
async function listTree(git: Git, gitDir: string, commit: string): Promise<Entry[]> {
  const raw = (await git.run(['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--long', '--full-tree', commit])).stdout.toString('utf8');
  return raw
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode = '', type = '', oid = '', size = ''] = line.slice(0, tab).split(/ +/);
      return { mode, type, oid, size: size === '-' ? 0 : Number(size), path: line.slice(tab + 1) };
    });
}

/** Reads blobs in one `cat-file --batch`: each answer is "<oid> <type> <size>\n<bytes>\n". */
async function readBlobs(git: Git, gitDir: string, oids: string[]): Promise<Buffer[]> {
  if (oids.length === 0) return [];
  const out = (await git.run(['--git-dir', gitDir, 'cat-file', '--batch'], { input: oids.join('\n') + '\n' })).stdout;
  const blobs: Buffer[] = [];
  let at = 0;
  for (const oid of oids) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    if (header[0] !== oid || header[1] !== 'blob')
      throw new TreeRefused(`The repository's object ${oid} could not be read (${header.join(' ')}); Cadence wrote nothing.`);
    const size = Number(header[2]);
    blobs.push(out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The Cadence data files of a commit (`cadence/…` to text), after checking the whole tree: a symbolic link, a
 * submodule, a path outside Cadence's folders or a file over the cap refuses it before anything is read or written.
 */
export async function readDataTree(
  git: Git,
  gitDir: string,
  commit: string,
  cap = FILE_CAP_BYTES,
  dataCap = DATA_CAP_BYTES,
): Promise<TreeFiles> {
  const seen = knownTree(gitDir, commit, cap);
  const files = seen && knownFiles(seen.blobs, DATA_FOLDER);
  if (files) return files;
  const entries = await listTree(git, gitDir, commit);
  for (const e of entries) checkEntry(e, cap);
  // A blob whose text this process holds (the base's files, most of the remote's) is not read again: same id, same bytes.
  const held = knownTexts(gitDir);
  const data = entries.filter((e) => e.path.startsWith(DATA_FOLDER));
  const total = data.reduce((sum, e) => sum + e.size, 0);
  if (total > dataCap)
    throw new TreeRefused(
      `The repository holds ${(total / 1024 / 1024).toFixed(1)} MB in ${DATA_FOLDER}, more than the ${Math.round(dataCap / 1024 / 1024)} MB any team's data comes to; Cadence wrote nothing.`,
    );
  const missing = data.filter((e) => !held.has(e.oid));
  const blobs = await readBlobs(
    git,
    gitDir,
    missing.map((e) => e.oid),
  );
  missing.forEach((e, i) => {
    try {
      held.set(e.oid, utf8.decode(blobs[i]));
    } catch {
      throw new TreeRefused(`The repository's “${e.path}” is not UTF-8 text; Cadence wrote nothing.`);
    }
  });
  const texts = new Map(data.map((e) => [e.path, held.get(e.oid)!]));
  const tree = new Map(entries.map((e): [string, KnownBlob] => [e.path, { mode: e.mode, oid: e.oid, text: texts.get(e.path) }]));
  rememberTree(gitDir, commit, tree, Math.max(0, ...entries.map((e) => e.size)));
  return texts;
}

/** A path as fast-import reads it: quoted C-style when it holds anything but plain characters. */
function quotePath(p: string): string {
  return /^[\w./@+-][\w./@+ -]*$/.test(p) ? p : JSON.stringify(p);
}

export interface NewCommit {
  files: ReadonlyMap<string, string>;
  parents: string[];
  message: string;
  /** When, in epoch ms (the Cadence clock, so tests and the bench are repeatable). */
  at: number;
  committer: string;
  /** The ref the commit is written to (default: one of Cadence's own, which only keeps it from git's collection). */
  ref?: string;
}

/** A file's blob id as git computes it (`git hash-object`), in the repository's hash (SHA-1, or SHA-256 by its length). */
export function blobOid(content: Buffer, hexLength: number): string {
  const hash = createHash(hexLength === 64 ? 'sha256' : 'sha1');
  hash.update(`blob ${content.length}\0`);
  return hash.update(content).digest('hex');
}

/** Path to mode and blob id of every file in a commit's tree (no sizes: git need not open a single blob). */
async function blobsOf(git: Git, gitDir: string, commit: string): Promise<Known> {
  const known = knownTree(gitDir, commit);
  if (known) return known;
  const raw = (await git.run(['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--full-tree', commit])).stdout.toString('utf8');
  const blobs = new Map<string, KnownBlob>();
  for (const line of raw.split('\0')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    const [mode = '', , oid = ''] = line.slice(0, tab).split(' ');
    blobs.set(line.slice(tab + 1), { mode, oid });
  }
  // No text is known, so every file of a commit on top of it is measured: nothing of its own counts.
  return { commit, blobs, largest: 0 };
}

const byPath = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes a commit holding exactly `files` with `git fast-import` (one process whatever the tree's size; no work
 * tree, no index: a killed process leaves only unreferenced objects git collects later) and answers its id.
 * With a parent, only what differs from the first parent's tree goes in (`M` for a file whose blob id differs, `D`
 * for one gone): the same tree as writing every file, for the cost of the change. A commit of one parent that
 * would change nothing is not written: the parent is the answer.
 */
export async function writeCommit(git: Git, gitDir: string, commit: NewCommit): Promise<string> {
  const ref = commit.ref ?? 'refs/cadence/new';
  const chunks: Buffer[] = [];
  const text = (s: string) => chunks.push(Buffer.from(s, 'utf8'));
  const data = (bytes: Buffer) => [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
  const [first, ...more] = commit.parents;
  const parent = first ? await blobsOf(git, gitDir, first) : null;
  const before = parent?.blobs;
  const changes: Buffer[] = [];
  const change = (s: string, bytes?: Buffer) => changes.push(Buffer.from(s, 'utf8'), ...(bytes ? data(bytes) : []));
  const hexLength = before?.values().next().value?.oid.length ?? 40;
  // The new tree as this process will know it: every file's blob id and text, for the next commit on top of it.
  const after = new Map<string, KnownBlob>();
  // A file kept from the parent with its text is within the parent's largest; every other one is measured here.
  let largest = parent?.largest ?? 0;
  for (const [p, content] of [...commit.files].sort(byPath)) {
    const was = before?.get(p);
    // The text this process read or wrote for the parent, else its blob id: either says the file is unchanged.
    if (was && was.mode === '100644' && was.text === content) {
      after.set(p, was);
      continue;
    }
    const bytes = Buffer.from(content, 'utf8');
    const oid = blobOid(bytes, hexLength);
    after.set(p, { mode: '100644', oid, text: content });
    largest = Math.max(largest, bytes.length);
    if (was && was.mode === '100644' && was.oid === oid) continue;
    change(`M 100644 inline ${quotePath(p)}\n`, bytes);
  }
  if (before) for (const p of before.keys()) if (!commit.files.has(p)) change(`D ${quotePath(p)}\n`);
  if (first && more.length === 0 && changes.length === 0) {
    rememberTree(gitDir, first, after, largest);
    return first;
  }
  text(`commit ${ref}\nmark :1\ncommitter ${commit.committer} ${Math.floor(commit.at / 1000)} +0000\n`);
  chunks.push(...data(Buffer.from(commit.message, 'utf8')));
  if (first) text(`from ${first}\n`);
  for (const p of more) text(`merge ${p}\n`);
  if (!before) text('deleteall\n');
  chunks.push(...changes);
  // fast-import prints the new commit's id itself (no `rev-parse` afterwards): `get-mark` answers on its standard output.
  text('get-mark :1\ndone\n');
  const out = await git.run(['--git-dir', gitDir, 'fast-import', '--quiet', '--force', '--done'], { input: Buffer.concat(chunks) });
  const id = out.stdout.toString('utf8').trim();
  rememberTree(gitDir, id, after, largest);
  return id;
}
