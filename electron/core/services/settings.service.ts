import type { CoreContext } from '../context';
import type { Settings } from '../../../shared/contract/types';
import type { Language } from '../../../shared/contract/schemas';
import { EsepError } from '../../../shared/errors';
import { isReportingKind } from '../../../shared/domain/units/unit-kind';
import { getSetting, putSetting, type SettingKey } from '../db/repos/settings.repo';
import { getUnit } from '../db/repos/units.repo';
import { appendAudit } from '../db/repos/audit.repo';

/** A week's notice leaves time to plan a meeting in a one-month window. */
export const DEFAULT_REMINDER_DAYS = 7;

export function getSettings(ctx: CoreContext): Settings {
  const language = getSetting(ctx.db, 'language');
  const root = getSetting(ctx.db, 'working_root');
  return {
    language: language === 'kk' || language === 'ru' ? language : null,
    workingRoot: root ? getUnit(ctx.db, root) : null,
    reminderDays: Number(getSetting(ctx.db, 'reminder_days') ?? DEFAULT_REMINDER_DAYS),
  };
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

/** First-run setup: the akimat this installation serves. Its subtree becomes the working set. */
export function completeSetup(ctx: CoreContext, input: { rootKato: string; language: Language }): Settings {
  const unit = getUnit(ctx.db, input.rootKato);
  if (!unit) throw new EsepError('unit_unknown', { kato: input.rootKato });
  if (!isReportingKind(unit.kind)) throw new EsepError('unit_not_reporting', { kato: unit.kato });
  ctx.db.transaction(() => {
    changeSetting(ctx, 'language', input.language);
    changeSetting(ctx, 'working_root', unit.kato);
  })();
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
