import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
};

function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

/**
 * Resolves a URL path to a file inside root, or null: no `..` out of the built renderer, and no
 * symbolic link out of it either (the file's real path must lie under the folder's real path).
 * The desktop shell's app:// protocol and the browser server share this check.
 */
export function resolveStatic(root: string, urlPath: string): { file: string; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!isInside(root, file)) return null;
  let real: string;
  try {
    real = fs.realpathSync(file);
    if (!isInside(fs.realpathSync(root), real) || !fs.statSync(real).isFile()) return null;
  } catch {
    return null;
  }
  return { file: real, type: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

export interface ServedFile {
  body: Buffer;
  headers: Record<string, string>;
}

/** A file's own URL path: its place under the folder, with forward slashes ("/assets/app.js"). */
function urlPathOf(realRoot: string, realFile: string): string {
  return '/' + path.relative(realRoot, realFile).split(path.sep).join('/');
}

/**
 * The built renderer's files by URL path ("/" is index.html), each read at its first request and kept with the
 * headers `headersOf` gives its own path: a page's start asks for a dozen of them on the thread that answers its first
 * reads, and a reload or another tab asks again. Not read ahead of time: reading the whole folder before "ready" cost
 * more than the first page's requests do. One copy per file, however the address spells it (`/assets//app.js`,
 * `/assets/%61pp.js`): keyed by the address, any page could make the server keep a copy per spelling until it ran out
 * of memory. Only a file's own path (and "/") is remembered for the fast answer; other spellings are resolved each
 * time. Only what resolveStatic accepts is kept, so the maps hold files of the folder and nothing else.
 */
export function staticFiles(
  root: string,
  headersOf: (urlPath: string, type: string, body: Buffer) => Record<string, string>,
): (urlPath: string) => ServedFile | null {
  const byFile = new Map<string, ServedFile>();
  const byOwnPath = new Map<string, ServedFile>();
  let realRoot: string | null = null;
  return (urlPath) => {
    const known = byOwnPath.get(urlPath);
    if (known) return known;
    const found = resolveStatic(root, urlPath);
    if (!found) return null;
    realRoot ??= fs.realpathSync(root);
    const ownPath = urlPathOf(realRoot, found.file);
    let file = byFile.get(found.file);
    if (!file) {
      const body = fs.readFileSync(found.file);
      file = { body, headers: headersOf(ownPath, found.type, body) };
      byFile.set(found.file, file);
    }
    if (urlPath === ownPath || urlPath === '/') byOwnPath.set(urlPath, file);
    return file;
  };
}
