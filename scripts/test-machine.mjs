// What the end-to-end tests need from the machine, checked before `npm test` starts anything: Debian's Chromium
// (never a downloaded browser), pdftoppm/pdftotext for the minutes' PDF pages, and the colour emoji font the
// screenshots render names with. Missing pieces are installed with apt-get where this process may (root, or
// sudo without a password); otherwise the run stops at once with the one command that installs them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const ok = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

function hasEmojiFont() {
  const listed = spawnSync('fc-list', ['Noto Color Emoji'], { encoding: 'utf8' });
  if (listed.status === 0) return listed.stdout.trim() !== '';
  return ok('dpkg', ['-s', 'fonts-noto-color-emoji']);
}

function missingPackages(chromium) {
  const missing = [];
  if (!fs.existsSync(chromium)) missing.push('chromium');
  if (!ok('pdftoppm', ['-v'])) missing.push('poppler-utils');
  if (!hasEmojiFont()) missing.push('fonts-noto-color-emoji');
  return missing;
}

/** Returns true when the machine has what the tests need (installing it if allowed); prints why not otherwise. */
export function ensureTestMachine() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (process.env.CHROMIUM_PATH && !fs.existsSync(chromium)) {
    console.error(`CHROMIUM_PATH is ${chromium}, which does not exist. Unset it to use Debian's /usr/bin/chromium.`);
    return false;
  }
  let missing = missingPackages(chromium);
  if (missing.length === 0) return true;

  const install = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing];
  const asRoot = process.getuid?.() === 0;
  const sudo = !asRoot && ok('sudo', ['-n', 'true']);
  if (ok('apt-get', ['--version']) && (asRoot || sudo)) {
    console.log(`── machine: installing ${missing.join(', ')} for the end-to-end tests (apt-get)`);
    const run = (args) => {
      const [command, rest] = sudo ? ['sudo', args] : [args[0], args.slice(1)];
      return spawnSync(command, rest, {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    };
    run(['apt-get', 'update', '-qq']);
    run(install);
    missing = missingPackages(chromium);
    if (missing.length === 0) return true;
  }
  console.error(`The end-to-end tests need ${missing.join(', ')}, which this machine lacks. Install with:`);
  console.error(`  sudo ${install.slice(0, 3).join(' ')} ${missing.join(' ')}`);
  return false;
}
