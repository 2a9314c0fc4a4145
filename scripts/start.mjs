// npm start: the desktop window where the Electron binary is installed, else the same app in a browser.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const napi = Number(process.versions.napi ?? 0);
if (napi < 10) {
  console.error(`Cadence needs Node-API 10 (Node >= 22.14); this is Node ${process.version}. Run it with npm start.`);
  process.exit(1);
}

const electron = electronBinary();
const forward = (child) => {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
};

if (electron.installed && process.env.CADENCE_BROWSER !== '1') {
  forward(spawn(electron.file, ['.'], { stdio: 'inherit' }));
} else {
  console.log(
    electron.installed
      ? 'CADENCE_BROWSER=1: serving Cadence to your browser instead of the desktop window.'
      : 'The Electron binary is not installed on this machine, so Cadence runs in your browser instead.',
  );
  forward(spawn(process.execPath, [path.resolve('out/main/server.js'), ...process.argv.slice(2)], { stdio: 'inherit' }));
}
