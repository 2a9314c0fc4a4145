import type { Git } from './git';
import type { TreeFiles } from './sync-data';

/** Where Cadence's files live in a team's repository: its data, the MADR folder it regenerates, and the README. */
export const DATA_FOLDER = 'cadence/';
export const MADR_FOLDER = 'decisions/';
export const README = 'README.md';

/** The largest file a repository may hand Cadence (a year of one team's meetings is far smaller). */
export const FILE_CAP_BYTES = 10 * 1024 * 1024;

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
export async function readDataTree(git: Git, gitDir: string, commit: string, cap = FILE_CAP_BYTES): Promise<TreeFiles> {
  const entries = await listTree(git, gitDir, commit);
  for (const e of entries) checkEntry(e, cap);
  const data = entries.filter((e) => e.path.startsWith(DATA_FOLDER));
  const blobs = await readBlobs(
    git,
    gitDir,
    data.map((e) => e.oid),
  );
  const files = new Map<string, string>();
  data.forEach((e, i) => {
    try {
      files.set(e.path, utf8.decode(blobs[i]));
    } catch {
      throw new TreeRefused(`The repository's “${e.path}” is not UTF-8 text; Cadence wrote nothing.`);
    }
  });
  return files;
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
}

/**
 * Writes a commit holding exactly `files` with `git fast-import` (one process for the whole tree, whatever its
 * size; blobs git already has are not stored twice) and answers its id. No work tree, no index: nothing on disk
 * is half-written if the process is killed, only unreferenced objects git collects later.
 */
export async function writeCommit(git: Git, gitDir: string, commit: NewCommit): Promise<string> {
  const ref = 'refs/cadence/new';
  const chunks: Buffer[] = [];
  const text = (s: string) => chunks.push(Buffer.from(s, 'utf8'));
  const data = (s: string) => {
    const bytes = Buffer.from(s, 'utf8');
    text(`data ${bytes.length}\n`);
    chunks.push(bytes);
    text('\n');
  };
  text(`commit ${ref}\ncommitter ${commit.committer} ${Math.floor(commit.at / 1000)} +0000\n`);
  data(commit.message);
  const [first, ...more] = commit.parents;
  if (first) text(`from ${first}\n`);
  for (const p of more) text(`merge ${p}\n`);
  text('deleteall\n');
  for (const [p, content] of [...commit.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    text(`M 100644 inline ${quotePath(p)}\n`);
    data(content);
  }
  text('done\n');
  await git.run(['--git-dir', gitDir, 'fast-import', '--quiet', '--force', '--done'], { input: Buffer.concat(chunks) });
  return git.text(['--git-dir', gitDir, 'rev-parse', '--verify', `${ref}^{commit}`]);
}
