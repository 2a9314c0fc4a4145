import type { TreeFiles } from './sync-data';

/** A file of a commit's tree: its mode and blob id, and its text where this process read or wrote it. */
export interface KnownBlob {
  mode: string;
  oid: string;
  text?: string;
}

export interface Known {
  commit: string;
  blobs: ReadonlyMap<string, KnownBlob>;
  /** The largest file's size in bytes: a read under a lower cap must check the tree again. */
  largest: number;
}

/** Commits kept per repository: a sync's base and the remote's head are nearly always the last ones read or written. */
const KEPT = 2;
const known = new Map<string, Known[]>();

/**
 * The trees of the last commits this process read (checked) or wrote, by repository: a commit's content never
 * changes, so the next sync, whose base is the commit the last one wrote, neither lists nor reads it from git again.
 */
export function rememberTree(gitDir: string, commit: string, blobs: ReadonlyMap<string, KnownBlob>, largest: number): void {
  const list = (known.get(gitDir) ?? []).filter((k) => k.commit !== commit);
  known.set(gitDir, [{ commit, blobs, largest }, ...list].slice(0, KEPT));
}

export function knownTree(gitDir: string, commit: string, cap = Infinity): Known | null {
  return known.get(gitDir)?.find((k) => k.commit === commit && k.largest <= cap) ?? null;
}

/** The files under `folder` with their text, when this process holds the text of every one of them. */
export function knownFiles(blobs: ReadonlyMap<string, KnownBlob>, folder: string): TreeFiles | null {
  const files = new Map<string, string>();
  for (const [path, blob] of blobs) {
    if (!path.startsWith(folder)) continue;
    if (blob.text === undefined) return null;
    files.set(path, blob.text);
  }
  return files;
}

/** Blob id to text, of every file this process holds the text of in a repository's kept trees. */
export function knownTexts(gitDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const k of known.get(gitDir) ?? []) for (const blob of k.blobs.values()) if (blob.text !== undefined) texts.set(blob.oid, blob.text);
  return texts;
}
