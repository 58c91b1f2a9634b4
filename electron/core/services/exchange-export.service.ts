import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Core } from '../core';
import type { ExportInput, ExportedPackage } from '../../../shared/contract/exchange.contract';
import { REPORT_SECTIONS } from '../../../shared/contract/reports.contract';
import { EsepError } from '../../../shared/errors';
import { periodKey } from '../../../shared/domain/reports/period';
import { PACKAGE_EXTENSION } from '../../../shared/domain/exchange/package-file';
import { LATEST_VERSION } from '../db/migrations';
import { appendAudit } from '../db/repos/audit.repo';
import { listOrigins } from '../db/repos/origins.repo';
import { getSetting } from '../db/repos/settings.repo';
import { getUnit } from '../db/repos/units.repo';
import { nextOwnPackage, recordOwnPackage } from '../db/repos/installation.repo';
import { currentKatoEdition } from '../kato/kato.loader';
import { contentStore } from '../files/content-store';
import { writeExportFile } from '../files/export-file';
import { writePackage } from '../exchange/bag';
import { attachmentHashes, countParts, exportKind, type ExportScope } from '../exchange/record-export';
import { attachmentPath, forwardedPath, KIND_SPECS, recordsPath } from '../exchange/record-format';
import { receivedPackageFile } from '../exchange/package-store';
import { signingKey } from './identity.service';
import { exportReport } from './report-export.service';

type Input = z.output<typeof ExportInput>;

/**
 * This installation's package for a period (docs/exchange.md §Exporting): its own records (a
 * full state up to the period's end, see record-export.ts), the report for people who open it
 * without Esep, the files of its meetings if asked, and the latest package applied here from
 * each origin below, unchanged. Signed with the installation's key, numbered in its series.
 */
export async function exportPackage(core: Core, input: Input, appVersion: string): Promise<ExportedPackage> {
  const { ctx } = core;
  const root = getSetting(ctx.db, 'working_root');
  if (root === null) throw new EsepError('setup_required', {});
  const { period } = input;
  if (period.start > period.end) throw new EsepError('validation', { fields: ['period'] });
  const signer = signingKey(ctx);

  const scope: ExportScope = { origin: ctx.installationId, root, end: period.end, attachments: input.attachments };
  const payload = new Map<string, Uint8Array>();
  const records: ExportedPackage['records'] = {};
  /** Citizens' names and phones leaving with the package: recorded with its export. */
  let authors = 0;
  const store = contentStore(path.join(core.paths.dataDir, 'attachments'));
  // One read transaction: the records and the files they name agree.
  ctx.db.transaction(() => {
    const files = attachmentHashes(ctx.db, scope);
    for (const sha of files) if (store.has(sha)) payload.set(attachmentPath(sha), store.read(sha));
    // A file gone from the data folder (a damaged copy) is left out with its row: a row without
    // its bytes would make the level above refuse the whole package.
    const missing = new Set(files.filter((sha) => !payload.has(attachmentPath(sha))));
    for (const spec of KIND_SPECS) {
      let { lines, count } = exportKind(ctx.db, spec, scope);
      if (spec.kind === 'attachments' && missing.size > 0) {
        const kept = lines
          .toString('utf8')
          .split('\n')
          .filter((line) => {
            if (line === '') return false;
            const row = JSON.parse(line) as { sha256: string; deleted_at: number | null };
            return row.deleted_at !== null || !missing.has(row.sha256);
          });
        lines = Buffer.from(kept.length === 0 ? '' : `${kept.join('\n')}\n`);
        count = kept.length;
      }
      payload.set(recordsPath(spec.kind), lines);
      records[spec.kind] = count;
      authors += countParts(ctx.db, spec, scope);
    }
  }).deferred();
  const forwarded = forwardedPackages(core, root);
  for (const [packageId, bytes] of forwarded) payload.set(forwardedPath(packageId), bytes);

  for (const format of ['docx', 'pdf'] as const) {
    const report = await exportReport(ctx, { unitKato: root, period, document: 'period', format, language: input.language, sections: [...REPORT_SECTIONS], personalData: false });
    payload.set(`report/report-${root}-${period.start}-${period.end}.${format}`, Buffer.from(report.dataBase64, 'base64'));
  }

  // The number is taken before the file is written, and given back if the writing fails: two
  // packages never share a number, and a stick that was full leaves no gap in the series.
  const packageId = randomUUID();
  const { sequence, previousPackageId } = ctx.db.transaction(() => {
    const next = nextOwnPackage(ctx.db);
    recordOwnPackage(ctx.db, { sequence: next.sequence, packageId });
    return next;
  }).immediate();
  const name = `esep-${root}-${periodKey(period).replace('..', '_')}-${String(sequence).padStart(4, '0')}`;
  try {
    const bytes = await writePackage({
      name,
      signer,
      payload,
      info: {
        packageId,
        originInstallation: ctx.installationId,
        originUnit: root,
        period: periodKey(period),
        created: ctx.clock.now().toISOString(),
        appVersion,
        schemaVersion: LATEST_VERSION,
        katoEdition: currentKatoEdition(ctx) ?? 'unknown',
        sequence,
        previousPackage: previousPackageId,
      },
    });
    const written = await writeExportFile(input.dir, `${name}${PACKAGE_EXTENSION}`, bytes);
    appendAudit(ctx, { action: 'export', entity: 'package', entityId: packageId, after: { sequence, period, file: written.path, sha256: written.sha256, records, forwarded: forwarded.size, personalData: authors } });
    return { path: written.path, fileName: path.basename(written.path), sha256: written.sha256, bytes: written.bytes, packageId, sequence, records, forwarded: forwarded.size };
  } catch (error) {
    ctx.db
      .prepare('UPDATE installation SET package_sequence = ?, last_package_id = ? WHERE package_sequence = ? AND last_package_id = ?')
      .run(sequence - 1, previousPackageId, sequence, packageId);
    throw error;
  }
}

/** The latest package applied from each origin in the working subtree, as it arrived. */
function forwardedPackages(core: Core, root: string): Map<string, Buffer> {
  const { ctx } = core;
  const under = new Set(ctx.db.prepare(`SELECT descendant FROM unit_closure WHERE ancestor = ?`).pluck().all(root) as string[]);
  const out = new Map<string, Buffer>();
  for (const origin of listOrigins(ctx.db)) {
    if (!under.has(origin.unitKato) || origin.lastPackageId === null) continue;
    const file = receivedPackageFile(core.paths.dataDir, origin.lastPackageId);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      const unit = getUnit(ctx.db, origin.unitKato);
      throw new EsepError('package_forward_missing', { kato: origin.unitKato, unit: unit?.nameKk ?? origin.unitKato, file });
    }
    // Unchanged and unchecked here: the level above verifies it against its origin's key.
    out.set(origin.lastPackageId, bytes);
  }
  return out;
}
