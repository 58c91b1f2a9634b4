import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { build } from 'vite';
import pkg from '../../package.json' with { type: 'json' };
import { corePaths, defaultDataDir, pathsFromOptions, SOURCE_RESOURCES_DIR } from '../core/paths';
import { startCorePool } from '../core/worker/core-pool';
import { startHostServer } from './server';
import { isIsoDate } from '../../shared/domain/dates';
import { EsepError } from '../../shared/errors';

const REPO_ROOT = path.resolve(SOURCE_RESOURCES_DIR, '..');
const RENDERER_OUT = path.join(REPO_ROOT, 'out', 'renderer');

/**
 * `npm run start:browser`: the app in a browser, for development and E2E tests. Never packaged.
 * The first line printed is the URL (with the token), so scripts can read it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      db: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      today: { type: 'string' },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: not a port number: ${values.port}`);
  if (values.today !== undefined && !isIsoDate(values.today)) throw new UsageError(`--today: not a date (YYYY-MM-DD): ${values.today}`);

  if (!values['no-build']) {
    await build({ configFile: path.join(REPO_ROOT, 'renderer', 'vite.config.ts'), logLevel: 'error' });
  }
  const paths =
    pathsFromOptions({ dataDir: values['data-dir'], db: values.db }, SOURCE_RESOURCES_DIR) ??
    corePaths(defaultDataDir(), SOURCE_RESOURCES_DIR);
  // The core in its workers, as in the desktop app: automatic backups, the outbox, jobs beside requests.
  const pool = await startCorePool({ paths, ...(values.today ? { today: values.today } : {}), appVersion: pkg.version, backups: true, outbox: true });
  const host = await startHostServer({ door: pool.call, staticDir: RENDERER_OUT, port });
  process.stdout.write(`${host.url}\n`);
  process.stderr.write(`Esep browser host: database ${paths.dbFile}. Ctrl+C to stop.\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => pool.close({ backup: true }))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!values['no-open']) openInBrowser(host.url);
}

function openInBrowser(url: string): void {
  const command = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`Open ${url} in a browser.\n`));
  child.unref();
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof EsepError || error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`esep host: ${(error as Error).message}\n`);
    process.exit(2);
  }
  process.stderr.write(`esep host: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
