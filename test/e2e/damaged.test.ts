/// <reference lib="dom" />
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eSession, rowsOnDisk, screenshot } from './harness';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from '../integration/meeting-fixtures';
import { backupInto } from '../../electron/core/db/backup';
import { damageTable } from '../helpers/damage';

// Issue 12, point 6, through the browser host and its workers: a database found damaged at open
// is only read; the banner on every screen offers the newest good backup, and restoring it brings
// the app back to that moment, the damaged file kept aside.
const TODAY = '2025-06-15';
const session = e2eSession();


describe('a damaged database in Chromium', () => {
  for (const language of ['ru', 'kk'] as const) {
    it(`offers the newest good backup on every screen and restores it (${language})`, async () => {
      const dataDir = tempDir('esep-e2e-damaged-');
      const core = openTempCore({ dataDir, today: TODAY });
      const { value } = caller(core);
      value('setup:complete', { rootKato: ABAY_DISTRICT, language });
      value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-04-10' });
      await backupInto(core.ctx.db, core.paths.backupDir, 'manual', new Date());
      value('meetings:recordHeld', { unitKato: ABAY_DISTRICT, heldOn: '2025-02-12' });
      core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      core.close();
      // The log of changes goes bad (a failing disk): the check at open finds it, and what the
      // screens read is still readable, in the language the installation was set up in.
      damageTable(path.join(dataDir, 'esep.sqlite'), 'audit_log');

      const { page: p } = await session.open(dataDir, TODAY);
      await p.setViewportSize({ width: 1366, height: 768 });
      const banner = p.getByTestId('damaged-banner');
      await banner.waitFor();
      await screenshot(p, `damaged-banner-${language}`);
      await p.getByTestId('damaged-restore').click();
      await p.getByTestId('damaged-confirm-restore').click();
      await p.getByTestId('backups-restored').waitFor({ timeout: 30_000 });
      await banner.waitFor({ state: 'detached' });
      await screenshot(p, `damaged-restored-${language}`);
      // The moment of the backup: the first meeting, not the one recorded after it.
      expect(rowsOnDisk(dataDir, 'meetings')).toBe(1);
    }, 120_000);
  }
});
