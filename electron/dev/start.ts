/**
 * `npm start`: build the desktop app and launch it in Electron. Electron fetches its binary on
 * first launch; where that download is impossible (an offline or registry-only network), say
 * so plainly and point to the browser host instead of leaving a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

let electronBinary: string;
try {
  electronBinary = createRequire(import.meta.url)('electron') as string;
} catch {
  process.stderr.write(
    '\nEsep: the Electron binary is not installed and could not be downloaded here.\n' +
      'Run the same app in a browser instead:  npm run start:browser\n' +
      '(Electron downloads its binary on first launch; on a machine with internet access `npm start` just works.)\n',
  );
  process.exit(1);
}

const child = spawn(electronBinary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
