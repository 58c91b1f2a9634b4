import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../electron/core/core';
import { openCoreOnCopy, testTempRoot } from './template-db';

export function tempDir(prefix = 'esep-test-'): string {
  return fs.mkdtempSync(path.join(testTempRoot(), prefix));
}

/**
 * A real core on a real SQLite file in a fresh temp folder, with the clock stopped on `today`:
 * a copy of the run's template database where there is one, so the classifier is not loaded
 * again for every test (`firstOpen` loads it, for the tests of that very step).
 */
export function openTempCore(options: { today?: string; dataDir?: string; firstOpen?: boolean } = {}): Core {
  return openCoreOnCopy({
    dataDir: options.dataDir ?? tempDir(),
    today: options.today ?? '2025-06-15',
    ...(options.firstOpen ? { template: null } : {}),
  });
}

/** Abay district (Abai oblast) and two of its rural okrugs, used across the tests. */
export const ABAY_DISTRICT = '103200000';
export const KARAAUYL_OKRUG = '103230000';
export const KARAAUYL_VILLAGE = '103230100';
export const ABAI_OBLAST = '100000000';
export const OUTSIDE_OKRUG = '113833000';
