/**
 * The first step of `npm test`: the programs the tests drive besides Node. Chromium runs the E2E
 * tests (playwright-core never downloads a browser), DejaVu carries every Kazakh letter in their
 * screenshots, LibreOffice and poppler render the documents the tests write, unzip and minisign
 * open and verify an exchange package as a person without Esep would.
 *
 * All present: silent. Missing, as root on Debian (a fresh container, CI): installed with
 * apt-get. Otherwise one line says what to install, and the tests do not start (a run that
 * fails late for a missing program wastes minutes and says less).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

interface Need {
  /** Debian's package. */
  pkg: string;
  /** How to tell it is there without dpkg (another distribution, a hand-built program). */
  present(): boolean;
}

const onPath = (...commands: string[]) => () => commands.some((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0);

const NEEDS: Need[] = [
  { pkg: 'chromium', present: () => fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { pkg: 'fonts-dejavu-core', present: () => fs.existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf') },
  // Times New Roman's stand-in with the Kazakh letters: LibreOffice's own fonts-liberation (1.07)
  // has none, and each ә, қ, ң then comes from another font (pdftotext reads "Қ араауыл").
  { pkg: 'fonts-liberation2', present: () => fs.existsSync('/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf') },
  { pkg: 'libreoffice-writer-nogui', present: onPath('libreoffice', 'soffice') },
  { pkg: 'poppler-utils', present: onPath('pdftoppm') },
  { pkg: 'minisign', present: onPath('minisign') },
  { pkg: 'unzip', present: onPath('unzip') },
];

const missing = NEEDS.filter((need) => !need.present()).map((need) => need.pkg);
if (missing.length > 0) {
  const root = process.getuid?.() === 0;
  const apt = onPath('apt-get')();
  if (root && apt && process.env.ESEP_TEST_DEPS !== 'ask') {
    process.stderr.write(`npm test: installing ${missing.join(' ')} with apt-get\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (args: string[]) => spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
    if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...missing])) {
      process.stderr.write(`npm test: apt-get could not install ${missing.join(' ')}\n`);
      process.exit(1);
    }
  } else {
    const command = apt ? `sudo apt-get install -y --no-install-recommends ${missing.join(' ')}` : `install ${missing.join(', ')} (Debian's package names)`;
    process.stderr.write(`npm test needs programs that are missing; ${command}\n`);
    process.exit(1);
  }
}
