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

export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * Every file of the built renderer, read once, by the relative path a URL names ("index.html",
 * "assets/app-x.js"): the page's start asks for a dozen of them on the same thread that answers its first
 * reads, and a lookup here costs nothing beside resolving, checking and reading each file again. Only files
 * resolveStatic accepts are kept, so a link out of the folder is not served.
 */
export function loadStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  // By hand rather than readdir's recursive walk, which follows links to folders (a link to a parent never ends).
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(name);
        continue;
      }
      const found = resolveStatic(root, '/' + name);
      if (found) files.set(name, { body: fs.readFileSync(found.file), type: found.type });
    }
  };
  walk('');
  return files;
}

/** The key loadStaticFiles gave the file a URL path names ("/" is index.html), or null for a path that cannot be one. */
export function staticKey(urlPath: string): string | null {
  try {
    const decoded = decodeURIComponent(urlPath);
    return decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  } catch {
    return null;
  }
}
