import type { CoreContext } from '../context';
import type { Settings } from '../../../shared/contract/types';
import { ResumePoint, type Language } from '../../../shared/contract/schemas';
import { EsepError } from '../../../shared/errors';
import { isReportingKind } from '../../../shared/domain/units/unit-kind';
import { isHeldStatus } from '../../../shared/domain/meetings/meeting';
import { deleteSetting, getSetting, putSetting, type SettingKey } from '../db/repos/settings.repo';
import { getMeeting } from '../db/repos/meetings.repo';
import { minutesStatusOfMeeting } from '../db/repos/minutes.repo';
import { getUnit } from '../db/repos/units.repo';
import { appendAudit } from '../db/repos/audit.repo';
import { tryEnsureIdentityKey } from './identity.service';

/** A week's notice leaves time to plan a meeting in a one-month window. */
export const DEFAULT_REMINDER_DAYS = 7;

export function getSettings(ctx: CoreContext): Settings {
  const language = getSetting(ctx.db, 'language');
  const root = getSetting(ctx.db, 'working_root');
  return {
    language: language === 'kk' || language === 'ru' ? language : null,
    workingRoot: root ? getUnit(ctx.db, root) : null,
    reminderDays: Number(getSetting(ctx.db, 'reminder_days') ?? DEFAULT_REMINDER_DAYS),
    resume: resumePoint(ctx),
  };
}

/**
 * The remembered field, while it can still be typed into: its meeting exists and was held, and
 * its minutes are not final. Anything else (deleted since, finalised in another window, a
 * value this version cannot read) reads as nothing to resume.
 */
function resumePoint(ctx: CoreContext): ResumePoint | null {
  const stored = getSetting(ctx.db, 'resume');
  if (stored === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return null;
  }
  const point = ResumePoint.safeParse(parsed);
  if (!point.success) return null;
  const meeting = getMeeting(ctx.db, point.data.meetingId);
  if (!meeting || !isHeldStatus(meeting.status)) return null;
  if (minutesStatusOfMeeting(ctx.db, meeting.id) === 'final') return null;
  return point.data;
}

/**
 * Remembers where the secretary is typing (null forgets it). Not audited: it is where the
 * cursor was, written every few seconds while typing, not a record anyone relies on.
 */
export function setResume(ctx: CoreContext, resume: ResumePoint | null): Settings {
  if (resume && !getMeeting(ctx.db, resume.meetingId)) throw new EsepError('not_found', { id: resume.meetingId });
  if (resume) putSetting(ctx.db, 'resume', JSON.stringify({ meetingId: resume.meetingId, field: resume.field }), ctx.clock.now().getTime());
  else deleteSetting(ctx.db, 'resume');
  return getSettings(ctx);
}

function changeSetting(ctx: CoreContext, key: SettingKey, value: string): void {
  const before = getSetting(ctx.db, key);
  if (before === value) return;
  putSetting(ctx.db, key, value, ctx.clock.now().getTime());
  appendAudit(ctx, { action: before === null ? 'insert' : 'update', entity: 'setting', entityId: key, before, after: value });
}

export function setLanguage(ctx: CoreContext, language: Language): Settings {
  ctx.db.transaction(() => changeSetting(ctx, 'language', language))();
  return getSettings(ctx);
}

/**
 * First-run setup: the akimat this installation serves. Its subtree becomes the working set, and
 * the installation gets its signing key pair.
 */
export function completeSetup(ctx: CoreContext, input: { rootKato: string; language: Language }): Settings {
  const unit = getUnit(ctx.db, input.rootKato);
  if (!unit) throw new EsepError('unit_unknown', { kato: input.rootKato });
  if (!isReportingKind(unit.kind)) throw new EsepError('unit_not_reporting', { kato: unit.kato });
  ctx.db.transaction(() => {
    changeSetting(ctx, 'language', input.language);
    changeSetting(ctx, 'working_root', unit.kato);
  })();
  // After the commit, and never undoing it: a key that cannot be written now comes later.
  tryEnsureIdentityKey(ctx);
  return getSettings(ctx);
}

/** The working root, or the error every working-set feature reports before setup. */
export function requireWorkingRoot(ctx: CoreContext): string {
  const root = getSetting(ctx.db, 'working_root');
  if (!root) throw new EsepError('setup_required');
  return root;
}

export function setReminderDays(ctx: CoreContext, days: number): Settings {
  ctx.db.transaction(() => changeSetting(ctx, 'reminder_days', String(days)))();
  return getSettings(ctx);
}
