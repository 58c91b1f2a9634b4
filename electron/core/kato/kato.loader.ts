import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { CoreContext } from '../context';
import { buildUnits, parseKatoCsv } from '../../../shared/domain/kato';
import { countUnits, insertUnits } from '../db/repos/units.repo';
import { appendAudit } from '../db/repos/audit.repo';

export interface KatoLoadResult {
  edition: string;
  loaded: number;
}

/**
 * Loads the shipped classifier into `units` (and its closure) the first time a database is
 * opened. One transaction: a crash midway leaves no half-loaded tree. Later editions (with code changes
 * that must not orphan meetings) are a separate, explicit update.
 */
export function loadKatoIfEmpty(ctx: CoreContext, csvFile: string): KatoLoadResult | null {
  if (countUnits(ctx.db) > 0) return null;
  const bytes = fs.readFileSync(csvFile);
  const units = buildUnits(parseKatoCsv(bytes.toString('utf8')));
  const edition = units[0]?.edition ?? 'unknown';
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  ctx.db.transaction(() => {
    ctx.db
      .prepare('INSERT INTO kato_editions (edition, sha256, row_count, loaded_at) VALUES (?, ?, ?, ?)')
      .run(edition, sha256, units.length, ctx.clock.now().getTime());
    insertUnits(
      ctx.db,
      units.map((u) => ({
        id: randomUUID(),
        kato: u.code,
        kind: u.kind,
        parent: u.parent,
        nameKk: u.nameKk,
        nameRu: u.nameRu,
        edition: u.edition,
      })),
    );
    appendAudit(ctx, { action: 'load', entity: 'kato_edition', entityId: edition, after: { sha256, rows: units.length } });
  })();
  return { edition, loaded: units.length };
}

export function currentKatoEdition(ctx: Pick<CoreContext, 'db'>): string | null {
  const row = ctx.db.prepare('SELECT edition FROM kato_editions ORDER BY loaded_at DESC LIMIT 1').get() as
    | { edition: string }
    | undefined;
  return row?.edition ?? null;
}
