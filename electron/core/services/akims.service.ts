import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import type { Akim } from '../../../shared/contract/types';
import type { IsoDate } from '../../../shared/domain/dates';
import { EsepError } from '../../../shared/errors';
import { appendAudit } from '../db/repos/audit.repo';
import { getAkim, listAkimsOfUnit, saveAkim as save } from '../db/repos/akims.repo';
import { requireWorkingReportingUnit } from './units.service';
import { requireOwn } from './ownership';

export function listAkims(ctx: CoreContext, input: { unitKato: string }): Akim[] {
  const unit = requireWorkingReportingUnit(ctx, input.unitKato);
  return listAkimsOfUnit(ctx.db, unit.kato);
}

const overlaps = (a: { termFrom: IsoDate; termTo: IsoDate | null }, b: { termFrom: IsoDate; termTo: IsoDate | null }) =>
  a.termFrom <= (b.termTo ?? '9999-12-31') && b.termFrom <= (a.termTo ?? '9999-12-31');

/** Adds an akim or edits one; a unit has one akim at a time, so terms may not overlap. */
export function saveAkim(
  ctx: CoreContext,
  input: { id?: string | undefined; revision?: number | undefined; unitKato: string; fullName: string; positionKk: string; positionRu: string; termFrom: IsoDate; termTo: IsoDate | null },
): Akim {
  const unit = requireWorkingReportingUnit(ctx, input.unitKato);
  if (input.termTo !== null && input.termTo < input.termFrom) {
    throw new EsepError('range_invalid', { from: input.termFrom, to: input.termTo });
  }
  return ctx.db.transaction(() => {
    const before = input.id ? getAkim(ctx.db, input.id) : null;
    if (input.id && (!before || before.unitKato !== unit.kato)) throw new EsepError('not_found', { id: input.id });
    if (before) requireOwn(ctx, before);
    if (before && before.revision !== input.revision) throw new EsepError('conflict', { revision: before.revision });
    const clash = listAkimsOfUnit(ctx.db, unit.kato).find((a) => a.id !== input.id && overlaps(a, input));
    if (clash) throw new EsepError('akim_term_overlap', { name: clash.fullName, from: clash.termFrom, to: clash.termTo ?? '…' });
    const akim: Akim = {
      id: before?.id ?? randomUUID(),
      origin: before?.origin ?? ctx.installationId,
      revision: (before?.revision ?? 0) + 1,
      unitKato: unit.kato,
      fullName: input.fullName,
      positionKk: input.positionKk,
      positionRu: input.positionRu,
      termFrom: input.termFrom,
      termTo: input.termTo,
    };
    save(ctx.db, akim, ctx.clock.now().getTime());
    appendAudit(ctx, { action: before ? 'update' : 'insert', entity: 'akim', entityId: akim.id, before: before ?? undefined, after: akim });
    return akim;
  })();
}

/** The akim in office on a day, if one is recorded. */
export function akimOnDate(ctx: CoreContext, unitKato: string, date: IsoDate): Akim | null {
  return listAkimsOfUnit(ctx.db, unitKato).find((a) => a.termFrom <= date && (a.termTo === null || date <= a.termTo)) ?? null;
}
