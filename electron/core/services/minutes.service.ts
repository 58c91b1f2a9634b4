import { requirePermission } from './operators.service';
import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import type { Meeting } from '../../../shared/contract/types';
import type { Amendment, Minutes } from '../../../shared/contract/minutes.contract';
import { completenessProblems, type MinutesBody } from '../../../shared/domain/minutes/minutes';
import { diffMinutes, duplicateIdPaths, type MinutesChange } from '../../../shared/domain/minutes/diff';
import { EsepError } from '../../../shared/errors';
import { getMeeting } from '../db/repos/meetings.repo';
import { addAmendment, getMinutes, getMinutesOfMeeting, writeMinutes } from '../db/repos/minutes.repo';
import { appendAudit } from '../db/repos/audit.repo';
import { isInSubtree } from '../db/repos/units.repo';
import { requireWorkingReportingUnit } from './units.service';
import { registerFromMinutes } from './issues.service';
import { requireOwn } from './ownership';

/** A meeting of the working set that took place: only such a meeting has minutes. */
function requireHeldMeeting(ctx: CoreContext, meetingId: string): Meeting {
  const meeting = getMeeting(ctx.db, meetingId);
  if (!meeting) throw new EsepError('not_found', { id: meetingId });
  requireWorkingReportingUnit(ctx, meeting.unitKato);
  if (meeting.status !== 'held' && meeting.status !== 'closed') throw new EsepError('meeting_not_held', { status: meeting.status });
  return meeting;
}

/** What the secretary would otherwise retype from the meeting card. */
function draftFrom(ctx: CoreContext, meeting: Meeting, now: number): Minutes {
  return {
    id: randomUUID(),
    origin: ctx.installationId,
    revision: 1,
    meetingId: meeting.id,
    status: 'draft',
    finalizedAt: null,
    finalizedBy: null,
    updatedAt: now,
    number: '',
    date: meeting.heldOn,
    place: [meeting.venueName, meeting.venueAddress].map((s) => s.trim()).filter((s) => s !== '').join(', '),
    chair: '',
    secretary: '',
    presentCount: meeting.attendance,
    presentList: '',
    // The officials present are printed from the meeting, in the document's language.
    invited: '',
    items: [],
    amendments: [],
  };
}

export function openMinutes(ctx: CoreContext, input: { meetingId: string }): Minutes {
  return ctx.db.transaction(() => {
    const meeting = requireHeldMeeting(ctx, input.meetingId);
    const existing = getMinutesOfMeeting(ctx.db, meeting.id);
    if (existing) return existing;
    // Minutes are the meeting's: a received meeting's come with it, or not at all.
    requireOwn(ctx, meeting);
    // Reading is anyone's; the first open writes the draft.
    requirePermission(ctx, 'records.write');
    const draft = draftFrom(ctx, meeting, ctx.clock.now().getTime());
    writeMinutes(ctx.db, draft);
    appendAudit(ctx, { action: 'insert', entity: 'minutes', entityId: draft.id, after: draft });
    return draft;
  })();
}

/**
 * Loads minutes of the working set, checks they are in the expected status and that the caller
 * saw the latest revision; `wrongStatus` is the refusal for the other status.
 */
function requireMinutes(ctx: CoreContext, id: string, revision: number, status: Minutes['status'], wrongStatus: () => EsepError) {
  const minutes = getMinutes(ctx.db, id);
  if (!minutes) throw new EsepError('not_found', { id });
  const meeting = getMeeting(ctx.db, minutes.meetingId);
  if (!meeting) throw new EsepError('not_found', { id });
  requireWorkingReportingUnit(ctx, meeting.unitKato);
  requireOwn(ctx, minutes);
  if (minutes.status !== status) throw wrongStatus();
  if (minutes.revision !== revision) throw new EsepError('conflict', { revision: minutes.revision });
  return { minutes, meeting };
}

/** Ids name rows and diff entries; a speaker's village must be one of the meeting unit's. */
function validateBody(ctx: CoreContext, unitKato: string, body: MinutesBody): void {
  const duplicates = duplicateIdPaths(body);
  if (duplicates.length > 0) throw new EsepError('validation', { fields: duplicates });
  const outside = body.items.flatMap((item, i) =>
    item.speeches.flatMap((s, j) =>
      s.localityKato !== null && !isInSubtree(ctx.db, unitKato, s.localityKato) ? [`items.${i}.speeches.${j}.localityKato`] : [],
    ),
  );
  if (outside.length > 0) throw new EsepError('validation', { fields: outside });
}

function withBody(ctx: CoreContext, minutes: Minutes, body: MinutesBody): Minutes {
  return { ...minutes, ...body, revision: minutes.revision + 1, updatedAt: ctx.clock.now().getTime() };
}

const paths = (changes: readonly MinutesChange[]) => changes.map((c) => c.path);

/**
 * Autosave of a draft, every second or so while the secretary types: the whole body replaces
 * the stored one. The audit entry names the changed paths only, so the log grows with the
 * edits rather than with the size of the minutes; a save that changes nothing writes nothing.
 */
export function saveMinutes(ctx: CoreContext, input: { minutesId: string; revision: number; body: MinutesBody }): Minutes {
  return ctx.db.transaction(() => {
    const { minutes, meeting } = requireMinutes(ctx, input.minutesId, input.revision, 'draft', () => new EsepError('minutes_final'));
    validateBody(ctx, meeting.unitKato, input.body);
    const changes = diffMinutes(minutes, input.body);
    if (changes.length === 0) return minutes;
    const after = withBody(ctx, minutes, input.body);
    writeMinutes(ctx.db, after);
    appendAudit(ctx, { action: 'update', entity: 'minutes', entityId: minutes.id, after: { revision: after.revision, changed: paths(changes) } });
    return after;
  })();
}

export function finalizeMinutes(ctx: CoreContext, input: { minutesId: string; revision: number }): Minutes {
  return ctx.db.transaction(() => {
    const { minutes, meeting } = requireMinutes(ctx, input.minutesId, input.revision, 'draft', () => new EsepError('invalid_transition', { action: 'finalize', status: 'final' }));
    const problems = completenessProblems(minutes);
    if (problems.length > 0) throw new EsepError('minutes_incomplete', { problems });
    const now = ctx.clock.now().getTime();
    const after: Minutes = { ...minutes, status: 'final', finalizedAt: now, finalizedBy: ctx.actor, revision: minutes.revision + 1, updatedAt: now };
    writeMinutes(ctx.db, after);
    appendAudit(ctx, { action: 'update', entity: 'minutes', entityId: minutes.id, after: { revision: after.revision, action: 'finalize' } });
    // The questions the minutes captured enter the issue log with them, so none is missed.
    registerFromMinutes(ctx, meeting, after);
    return after;
  })();
}

/** A change to final minutes: the amendment keeps who, when, why and every changed value. */
export function amendMinutes(ctx: CoreContext, input: { minutesId: string; revision: number; reason: string; body: MinutesBody }): Minutes {
  return ctx.db.transaction(() => {
    const { minutes, meeting } = requireMinutes(ctx, input.minutesId, input.revision, 'final', () => new EsepError('invalid_transition', { action: 'amend', status: 'draft' }));
    validateBody(ctx, meeting.unitKato, input.body);
    const changes = diffMinutes(minutes, input.body);
    if (changes.length === 0) throw new EsepError('validation', { fields: ['body'] });
    const reason = input.reason.trim();
    if (reason === '') throw new EsepError('validation', { fields: ['reason'] });
    const after = withBody(ctx, minutes, input.body);
    const amendment: Amendment = { id: randomUUID(), at: after.updatedAt, actor: ctx.actor, reason, changes };
    writeMinutes(ctx.db, after);
    addAmendment(ctx.db, minutes.id, amendment);
    registerFromMinutes(ctx, meeting, after);
    appendAudit(ctx, {
      action: 'update',
      entity: 'minutes',
      entityId: minutes.id,
      after: { revision: after.revision, action: 'amend', amendmentId: amendment.id, reason, changed: paths(changes) },
    });
    return { ...after, amendments: [...minutes.amendments, amendment] };
  })();
}
