import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron binary would be, and whether it is there, found by looking at files:
 * requiring the electron package would start its first-use download, which fails offline.
 */
export function electronBinary(root = process.cwd()) {
  const pkg = path.join(root, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let relative = null;
  try {
    relative = fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    /* path.txt appears only once the binary has been downloaded */
  }
  const file = override ? path.join(override, relative ?? 'electron') : relative ? path.join(pkg, 'dist', relative) : null;
  return { file, installed: Boolean(file && fs.existsSync(file)) };
}
