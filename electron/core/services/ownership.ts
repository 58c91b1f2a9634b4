import type { CoreContext } from '../context';
import { EsepError } from '../../../shared/errors';
import { isForeignOrigin } from '../../../shared/domain/exchange/ownership';
import { getOrigin } from '../db/repos/origins.repo';
import { getSetting } from '../db/repos/settings.repo';
import { getUnit } from '../db/repos/units.repo';

/**
 * Only a record's origin changes it (docs/exchange.md §Ownership): every service that changes
 * an existing record, or adds to one (minutes of a meeting, an issue raised at it, a file on
 * it, a person in a body), calls this on that record first, before it writes anything. Seed
 * rows are everyone's. A received record is refused with `record_foreign`, naming its source.
 */
export function requireOwn(ctx: CoreContext, record: { origin: string }): void {
  if (isForeignOrigin(record.origin, ctx.installationId)) throw foreignRecord(ctx, record.origin);
}

/**
 * The source unit's name in the installation's language: the message is for the person at
 * this installation, and a name cannot be chosen per reader without a placeholder per language.
 * An origin with no row (only a damaged or hand-edited database has one) gets the message
 * without a source (i18next's context: Errors.record_foreign_unknown_source).
 */
function foreignRecord(ctx: CoreContext, origin: string): EsepError {
  const source = getOrigin(ctx.db, origin);
  if (!source) return new EsepError('record_foreign', { origin, context: 'unknown_source' });
  const unit = getUnit(ctx.db, source.unitKato);
  const name = unit ? (getSetting(ctx.db, 'language') === 'ru' ? unit.nameRu : unit.nameKk) : source.unitKato;
  return new EsepError('record_foreign', { origin, unitKato: source.unitKato, unit: name });
}
