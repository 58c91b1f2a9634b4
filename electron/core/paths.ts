import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the core finds its data and shipped resources; every door resolves these once. */
export interface CorePaths {
  dataDir: string;
  dbFile: string;
  backupDir: string;
  resourcesDir: string;
}

export function corePaths(dataDir: string, resourcesDir: string, dbFile?: string): CorePaths {
  return {
    dataDir,
    dbFile: dbFile ?? path.join(dataDir, 'esep.sqlite'),
    backupDir: path.join(dataDir, 'backups'),
    resourcesDir,
  };
}

/**
 * --data-dir and --db as the CLI and the browser host take them: --db names the database file
 * (its folder holds the backups unless --data-dir says otherwise). Null when neither is given.
 */
export function pathsFromOptions(options: { dataDir?: string | undefined; db?: string | undefined }, resourcesDir: string): CorePaths | null {
  if (options.db !== undefined) {
    const dbFile = path.resolve(options.db);
    return corePaths(path.resolve(options.dataDir ?? path.dirname(dbFile)), resourcesDir, dbFile);
  }
  if (options.dataDir !== undefined) return corePaths(path.resolve(options.dataDir), resourcesDir);
  return null;
}

/** resources/ of the source tree, for the CLI, the browser host and tests (not the packaged app). */
export const SOURCE_RESOURCES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources');

/**
 * The same folder Electron's app.getPath('userData') gives for "Esep", so the CLI and the
 * browser host see the desktop app's data unless told otherwise.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME ?? env.USERPROFILE ?? '.';
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Esep');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Esep');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Esep');
}
