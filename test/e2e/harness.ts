import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import Database from 'better-sqlite3';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'test-results');

export interface RunningHost {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** kill -9 of the host and the node process tsx runs it in: a crash, nothing flushed. */
  crash(): Promise<void>;
}

/** Starts the real browser host (tsx, same as `npm run start:browser`) and waits for its URL. */
export async function startHost(options: { dataDir: string; today: string }): Promise<RunningHost> {
  const child = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['electron/host/main.ts', '--no-build', '--no-open', '--data-dir', options.dataDir, '--today', options.today],
    // Its own process group, so a crash takes tsx's child (the real server) down too.
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    crash: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGKILL');
      }),
  };
}

/** Debian's Chromium, never a downloaded one; flags keep it off this machine's closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=kk',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** How many rows a table holds on disk, read beside the running host (what the screen says is checked apart). */
export function rowsOnDisk(dataDir: string, table: 'issues' | 'meetings' | 'bodies' | 'issue_categories'): number {
  const db = new Database(path.join(dataDir, 'esep.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

export interface OpenedPage {
  page: Page;
  host: RunningHost;
  /** Console errors, page errors and any request that left the host: a test expects none. */
  problems: string[];
}

/**
 * One Chromium for a test file and, per test, fresh hosts and pages that are closed after it
 * (with a screenshot of each page when the test failed).
 */
export function e2eSession(): { open(dataDir: string, today: string): Promise<OpenedPage> } {
  let browser: Browser | undefined;
  const opened: OpenedPage[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      for (const [i, { page }] of opened.entries()) {
        await screenshot(page, `failed-${context.task.name.replace(/\W+/g, '-')}-${i}`).catch(() => {});
      }
    }
    const closing = opened.splice(0);
    await Promise.all(closing.map(({ page }) => page.close()));
    await Promise.all(closing.map(({ host }) => host.stop()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(dataDir, today) {
      const host = await startHost({ dataDir, today });
      const page = await browser!.newPage({ viewport: { width: 1440, height: 900 } });
      const entry: OpenedPage = { page, host, problems: [] };
      opened.push(entry);
      const origin = new URL(host.url).origin;
      page.on('console', (m) => {
        if (m.type() === 'error') entry.problems.push(m.text());
      });
      page.on('pageerror', (e) => entry.problems.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith(`${origin}/`)) entry.problems.push(`external request ${r.url()}`);
      });
      await page.goto(host.url);
      return entry;
    },
  };
}

/** The administrator every E2E run through the setup wizard creates. */
export const E2E_ADMIN = {
  login: 'aliya',
  name: 'Сейтқали Әлия Маратқызы',
  positionKk: 'аппарат басшысы',
  positionRu: 'руководитель аппарата',
  secret: 'kokterek-2026',
} as const;

/**
 * The wizard's administrator step (after the akimat is chosen) and the recovery code step:
 * creates the administrator, ticks "written down" and goes on to the confirm step. Returns
 * the code as shown (its groups, without the dashes drawn between them).
 */
export async function createAdminInWizard(page: Page, admin: typeof E2E_ADMIN = E2E_ADMIN, shoot?: string): Promise<string> {
  await page.getByTestId('setup-step-admin').waitFor();
  await page.getByTestId('admin-login').fill(admin.login);
  await page.getByTestId('admin-name').fill(admin.name);
  await page.getByTestId('admin-position-kk').fill(admin.positionKk);
  await page.getByTestId('admin-position-ru').fill(admin.positionRu);
  await page.getByTestId('admin-secret').fill(admin.secret);
  await page.getByTestId('admin-again').fill(admin.secret);
  if (shoot) await screenshot(page, `${shoot}-admin`);
  await page.getByTestId('admin-submit').click();
  const code = (await page.getByTestId('recovery-code').innerText()).replace(/\W/g, '');
  if (shoot) await screenshot(page, `${shoot}-code`);
  await page.getByTestId('recovery-code-kept').check();
  await page.getByTestId('recovery-code-continue').click();
  await page.getByTestId('setup-step-confirm').waitFor();
  return code;
}

/** The sign-in screen (a host restarted: nobody is signed in), as `admin`. */
export async function signIn(page: Page, admin: { login: string; secret: string } = E2E_ADMIN): Promise<void> {
  await page.getByTestId('signin-screen').waitFor();
  await page.getByTestId('signin-login').fill(admin.login);
  await page.getByTestId('signin-secret').fill(admin.secret);
  await page.getByTestId('signin-submit').click();
}
