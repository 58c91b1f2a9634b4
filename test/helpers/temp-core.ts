import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core/core';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { fixedClock } from '../../electron/core/clock';

export function tempDir(prefix = 'esep-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real core on a real SQLite file in a fresh temp folder, with the clock stopped on `today`. */
export function openTempCore(options: { today?: string; dataDir?: string } = {}): Core {
  const dataDir = options.dataDir ?? tempDir();
  return openCore({
    paths: corePaths(dataDir, SOURCE_RESOURCES_DIR),
    clock: fixedClock(options.today ?? '2025-06-15'),
    actor: 'tester',
  });
}

/** Abay district (Abai oblast) and two of its rural okrugs, used across the tests. */
export const ABAY_DISTRICT = '103200000';
export const KARAAUYL_OKRUG = '103230000';
export const KARAAUYL_VILLAGE = '103230100';
export const ABAI_OBLAST = '100000000';
export const OUTSIDE_OKRUG = '113833000';
