import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import type { Meeting } from '../../../shared/contract/types';
import type { IsoDate } from '../../../shared/domain/dates';
import { EsepError } from '../../../shared/errors';
import { getMeeting, insertMeeting, listMeetingsOfUnit, markMeetingDeleted } from '../db/repos/meetings.repo';
import { appendAudit } from '../db/repos/audit.repo';
import { requireWorkingReportingUnit } from './units.service';

/** Records that a reporting meeting took place on a date (the foundation's one write). */
export function recordHeld(ctx: CoreContext, input: { unitKato: string; heldOn: IsoDate; note?: string | undefined }): Meeting {
  const unit = requireWorkingReportingUnit(ctx, input.unitKato);
  if (input.heldOn > ctx.clock.today()) {
    throw new EsepError('date_in_future', { date: input.heldOn, today: ctx.clock.today() });
  }
  const now = ctx.clock.now().getTime();
  const meeting: Meeting = {
    id: randomUUID(),
    origin: ctx.installationId,
    revision: 1,
    unitKato: unit.kato,
    status: 'held',
    plannedOn: null,
    heldOn: input.heldOn,
    note: input.note?.trim() ?? '',
    createdAt: now,
    updatedAt: now,
  };
  ctx.db.transaction(() => {
    insertMeeting(ctx.db, meeting);
    appendAudit(ctx, { action: 'insert', entity: 'meeting', entityId: meeting.id, after: meeting });
  })();
  return meeting;
}

export function listMeetings(ctx: CoreContext, input: { unitKato: string; year?: number | undefined }): Meeting[] {
  const unit = requireWorkingReportingUnit(ctx, input.unitKato);
  const range = input.year === undefined ? [] : [`${input.year}-01-01`, `${input.year}-12-31`];
  return listMeetingsOfUnit(ctx.db, unit.kato, range[0], range[1]);
}

export function removeMeeting(ctx: CoreContext, input: { id: string }): { id: string } {
  ctx.db.transaction(() => {
    const before = getMeeting(ctx.db, input.id);
    if (!before) throw new EsepError('not_found', { id: input.id });
    requireWorkingReportingUnit(ctx, before.unitKato);
    markMeetingDeleted(ctx.db, input.id, ctx.clock.now().getTime());
    appendAudit(ctx, { action: 'delete', entity: 'meeting', entityId: input.id, before });
  })();
  return { id: input.id };
}
