import type { Core } from '../core';
import type { Contract } from '../../../shared/contract/contract';
import type { HandlersOf } from './dispatch';
import { LATEST_VERSION } from '../db/migrations';
import { currentKatoEdition } from '../kato/kato.loader';
import { completeSetup, getSettings, setLanguage, setReminderDays, setResume } from '../services/settings.service';
import { getIssueColumns, setIssueColumns } from '../services/issue-columns.service';
import { getDashboard } from '../services/dashboard.service';
import { listReminders } from '../services/reminders.service';
import { exportIcs } from '../services/ics.service';
import { amendMinutes, finalizeMinutes, openMinutes, saveMinutes } from '../services/minutes.service';
import { addAttachment, listAttachments, openAttachment, readAttachment, removeAttachment } from '../services/attachments.service';
import type { Platform } from '../platform';
import { EsepError } from '../../../shared/errors';
import { exportMinutesDocx } from '../services/minutes-export.service';
import { getUnit, searchUnits, unitSubtree } from '../services/units.service';
import {
  announceMeeting,
  cancelMeeting,
  closeMeeting,
  getMeetingById,
  listMeetings,
  markHeld,
  planMeeting,
  postponeMeeting,
  previewPlan,
  recordHeld,
  removeMeeting,
  setOfficials,
  updateMeeting,
} from '../services/meetings.service';
import { listAkims, saveAkim } from '../services/akims.service';
import { obligationsGrid } from '../services/obligations.service';
import { addRuleSet, listRuleSetViews, removeRuleSet } from '../services/rule-sets.service';
import { complianceOf, scheduleOf } from '../services/schedule.service';
import {
  carryOverIssues,
  countIssues,
  createIssue,
  getIssue,
  getIssueAuthor,
  issuesFromMinutes,
  listIssues,
  prolongIssue,
  setIssueAuthor,
  setIssueStatus,
  updateIssue,
} from '../services/issues.service';
import { listBodies, listCategories, listStatuses, saveBody, saveBodyPerson, saveCategory, saveStatus } from '../services/reference.service';
import { listSavedFilters, removeSavedFilter, saveFilter } from '../services/saved-filters.service';
import { checkImport, commitImport, previewImport } from '../services/issues-import.service';
import { fillPlan, listPlan, removeRow, saveRow } from '../services/action-plan.service';
import { exportPlan } from '../services/action-plan-export.service';
import { periodReport } from '../services/reports.service';
import { exportReport } from '../services/report-export.service';
import { getIdentity } from '../services/identity.service';
import { listOrigins } from '../services/origins.service';
import { exportPackage } from '../services/exchange-export.service';
import { applyPackage, previewPackage, verifyPackage } from '../services/exchange-import.service';
// Packages by e-mail.
import { getMailSettings, saveMailSettings } from '../services/mail-settings.service';
import { cancelOutboxItem, listOutboxItems, packageEml, queuePackage, retryOutboxItem } from '../services/outbox.service';
import { wakeOutbox } from '../exchange/mail/outbox-runner';
import { backupNow, dbHealth, listBackupEntries, restoreFrom } from '../services/backups.service';
import { isDamage, isReadOnlyRefusal } from '../db/storage-errors';
import { guardedByAccess } from './access-guard';
import {
  authState,
  changeOwnSecret,
  createFirstOperator,
  listOperators,
  lock,
  newRecoveryCode,
  recoverAdmin,
  saveOperator,
  setIdleMinutes,
  signIn,
  signOut,
  unlock,
} from '../services/operators.service';
import { exportHolidays, importHolidays, listHolidayYears, listHolidaysIn, removeHoliday, saveHoliday } from '../services/holidays.service';

export type Handlers = HandlersOf<Contract>;

/** The contract bound to the core's services: the one table every door dispatches through. */
export function createHandlers(core: Core, appVersion: string, platform: Platform = {}): Handlers {
  const { ctx } = core;
  return guardedAgainstDamage(core, guardedByAccess(core, {
    'app:info': () => ({
      version: appVersion,
      dataDir: core.paths.dataDir,
      schemaVersion: LATEST_VERSION,
      katoEdition: currentKatoEdition(ctx),
      installationId: ctx.installationId,
      today: ctx.clock.today(),
      canChooseFolder: platform.chooseFolder !== undefined,
    }),
    'settings:get': () => getSettings(ctx),
    'settings:setLanguage': (input) => setLanguage(ctx, input.language),
    'settings:setResume': (input) => setResume(ctx, input.resume),
    'settings:issueColumns': () => getIssueColumns(ctx),
    'settings:setIssueColumns': (input) => setIssueColumns(ctx, input.layout),
    'setup:complete': (input) => completeSetup(ctx, input),
    'units:search': (input) => searchUnits(ctx, input),
    'units:get': (input) => getUnit(ctx, input.kato),
    'units:subtree': (input) => unitSubtree(ctx, input.kato),
    'obligations:grid': (input) => obligationsGrid(ctx, input),
    'meetings:preview': (input) => previewPlan(ctx, input),
    'meetings:plan': (input) => planMeeting(ctx, input),
    'meetings:update': (input) => updateMeeting(ctx, input),
    'meetings:announce': (input) => announceMeeting(ctx, input),
    'meetings:markHeld': (input) => markHeld(ctx, input),
    'meetings:close': (input) => closeMeeting(ctx, input),
    'meetings:cancel': (input) => cancelMeeting(ctx, input),
    'meetings:postpone': (input) => postponeMeeting(ctx, input),
    'meetings:setOfficials': (input) => setOfficials(ctx, input),
    'meetings:get': (input) => getMeetingById(ctx, input),
    'meetings:list': (input) => listMeetings(ctx, input),
    'meetings:recordHeld': (input) => recordHeld(ctx, input),
    'meetings:remove': (input) => removeMeeting(ctx, input),
    'akims:list': (input) => listAkims(ctx, input),
    'akims:save': (input) => saveAkim(ctx, input),
    'dashboard:get': (input) => getDashboard(ctx, input),
    'reminders:list': () => listReminders(ctx),
    'settings:setReminderDays': (input) => setReminderDays(ctx, input.days),
    'meetings:exportIcs': (input) => exportIcs(ctx, input),
    'minutes:open': (input) => openMinutes(ctx, input),
    'minutes:save': (input) => saveMinutes(ctx, input),
    'minutes:finalize': (input) => finalizeMinutes(ctx, input),
    'minutes:amend': (input) => amendMinutes(ctx, input),
    'minutes:exportDocx': (input) => exportMinutesDocx(ctx, input),
    'attachments:list': (input) => listAttachments(ctx, core.paths.dataDir, input),
    'attachments:add': (input) => addAttachment(ctx, core.paths.dataDir, input),
    'attachments:read': (input) => readAttachment(ctx, core.paths.dataDir, input),
    'attachments:remove': (input) => removeAttachment(ctx, core.paths.dataDir, input),
    'attachments:open': (input) => openAttachment(ctx, core.paths.dataDir, platform, input),
    'rules:list': () => listRuleSetViews(ctx),
    'rules:add': (input) => addRuleSet(ctx, input),
    'rules:remove': (input) => removeRuleSet(ctx, input),
    'rules:schedule': (input) => scheduleOf(ctx, input),
    'rules:compliance': (input) => complianceOf(ctx, input),
    'issues:list': (input) => listIssues(ctx, input),
    'issues:counts': (input) => countIssues(ctx, input),
    'issues:get': (input) => getIssue(ctx, input),
    'issues:create': (input) => createIssue(ctx, input),
    'issues:update': (input) => updateIssue(ctx, input),
    'issues:setStatus': (input) => setIssueStatus(ctx, input),
    'issues:prolong': (input) => prolongIssue(ctx, input),
    'issues:fromMinutes': (input) => issuesFromMinutes(ctx, input),
    'issues:carryOver': (input) => carryOverIssues(ctx, input),
    'issues:author': (input) => getIssueAuthor(ctx, input),
    'issues:setAuthor': (input) => setIssueAuthor(ctx, input),
    'issueStatuses:list': () => listStatuses(ctx),
    'issueStatuses:save': (input) => saveStatus(ctx, input),
    'issueCategories:list': () => listCategories(ctx),
    'issueCategories:save': (input) => saveCategory(ctx, input),
    'bodies:list': () => listBodies(ctx),
    'bodies:save': (input) => saveBody(ctx, input),
    'bodies:savePerson': (input) => saveBodyPerson(ctx, input),
    'savedFilters:list': () => listSavedFilters(ctx),
    'savedFilters:save': (input) => saveFilter(ctx, input),
    'savedFilters:remove': (input) => removeSavedFilter(ctx, input),
    'issuesImport:preview': (input) => previewImport(ctx, input),
    'issuesImport:check': (input) => checkImport(ctx, input),
    'issuesImport:commit': (input) => commitImport(ctx, input),
    'actionPlan:list': (input) => listPlan(ctx, input),
    'actionPlan:fill': (input) => fillPlan(ctx, input),
    'actionPlan:saveRow': (input) => saveRow(ctx, input),
    'actionPlan:removeRow': (input) => removeRow(ctx, input),
    'actionPlan:export': (input) => exportPlan(ctx, input),
    'reports:get': (input) => periodReport(ctx, input),
    'reports:export': (input) => exportReport(ctx, input),
    'identity:get': () => getIdentity(ctx),
    'exchange:origins': () => listOrigins(ctx),
    'exchange:chooseFolder': async () => {
      if (!platform.chooseFolder) throw new EsepError('desktop_only');
      return { path: await platform.chooseFolder() };
    },
    'exchange:export': (input) => exportPackage(core, input, appVersion),
    'exchange:verify': (input) => verifyPackage(core, input.source),
    'exchange:preview': (input) => previewPackage(core, input.source),
    'exchange:import': (input) => applyPackage(core, input.source, input.trust),
    // Packages by e-mail: what may have become sendable wakes the outbox at once.
    'mail:settings': () => getMailSettings(ctx),
    'mail:saveSettings': (input) => woken(saveMailSettings(ctx, input)),
    'mail:eml': (input) => packageEml(core, input),
    'mail:queue': async (input) => woken(await queuePackage(core, input)),
    'mail:outbox': () => listOutboxItems(core),
    'mail:retry': (input) => woken(retryOutboxItem(core, input.id)),
    'mail:cancel': (input) => cancelOutboxItem(core, input.id),
    // Here a job runs in line with its request, so none is ever under way beside it; the core
    // pool (worker/core-pool.ts) answers this channel itself.
    'jobs:progress': () => null,
    // Backups and the damaged state (issue 12, points 6 and 7).
    'db:health': () => dbHealth(core),
    'backup:list': () => listBackupEntries(core),
    'backup:now': (input) => backupNow(core, input.folder),
    'backup:restore': (input) => restoreFrom(core, input.file),
    'holidays:list': (input) => listHolidaysIn(ctx, input),
    'holidays:years': () => listHolidayYears(ctx),
    'holidays:save': (input) => saveHoliday(ctx, input),
    'holidays:remove': (input) => removeHoliday(ctx, input),
    'holidays:import': (input) => importHolidays(ctx, input),
    'holidays:export': (input) => exportHolidays(ctx, input),
    // Operators and the session (issue 14, point 1).
    'auth:state': () => authState(core),
    'auth:signIn': (input) => signIn(core, input),
    'auth:signOut': () => signOut(core),
    'auth:lock': () => lock(core),
    'auth:unlock': (input) => unlock(core, input),
    'auth:recover': (input) => recoverAdmin(core, input),
    'operators:createFirst': (input) => createFirstOperator(core, input),
    'operators:list': () => listOperators(core),
    'operators:save': (input) => saveOperator(core, input),
    'operators:changeSecret': (input) => changeOwnSecret(core, input),
    'operators:newRecoveryCode': (input) => newRecoveryCode(core, input),
    'settings:setIdleMinutes': (input) => setIdleMinutes(core, input.minutes),
  }));

  function woken<T>(value: T): T {
    wakeOutbox(core);
    return value;
  }
}

/**
 * Every handler, watched for damage and held off while a restore swaps the file. SQLite calling
 * the file corrupt puts the core in the damaged state (from then on its connection is
 * read-only), and in that state the refusal of a write is `db_damaged`, which says what
 * happened and what to do, not "read-only disk". Exported for the CLI's tooling table (the demo
 * generators), which sits beside this one.
 */
export function guardedAgainstDamage<H extends object>(core: Core, handlers: H): H {
  const translated = (error: unknown): unknown => {
    if (isDamage(error)) {
      core.markDamaged('work');
      return new EsepError('db_damaged');
    }
    if (core.health.state === 'damaged' && isReadOnlyRefusal(error)) return new EsepError('db_damaged');
    return error;
  };
  const guarded = Object.entries(handlers).map(([channel, handler]) => [
    channel,
    (input: unknown) => {
      // A restore has the database closed for a moment: the request is turned away, unchanged.
      if (core.reopening) throw new EsepError('db_busy');
      try {
        const value = (handler as (input: unknown) => unknown)(input);
        return value instanceof Promise ? value.catch((error: unknown) => Promise.reject(translated(error))) : value;
      } catch (error) {
        throw translated(error);
      }
    },
  ]);
  return Object.fromEntries(guarded) as H;
}
