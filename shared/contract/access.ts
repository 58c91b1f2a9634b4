import type { Permission } from '../domain/operators/roles';
import type { ChannelName } from './channels';

/**
 * What each channel needs of the person asking (issue 14, point 1), checked by the core for
 * every door before the service runs (electron/core/api/access-guard.ts):
 * - `open`: anyone at the screen, signed in or not (the sign-in itself, the language of the
 *   sign-in screen, the damaged database's own state);
 * - `signedIn`: any operator, a viewer too: reading, printing, one's own screen layout;
 * - a permission: an operator whose role has it (shared/domain/operators/roles.ts).
 * An installation with no operator yet (before the first administrator is created) is open
 * throughout: there is nobody to tell apart, and the app asks for an administrator first.
 * A `Record` over every channel: a new channel without an entry does not compile.
 */
export type Access = 'open' | 'signedIn' | Permission;

export const CHANNEL_ACCESS: Readonly<Record<ChannelName, Access>> = {
  'app:info': 'open',
  'settings:get': 'open',
  // The sign-in screen switches language too; it changes nothing anyone relies on.
  'settings:setLanguage': 'open',
  'settings:setResume': 'records.write',
  'settings:issueColumns': 'signedIn',
  'settings:setIssueColumns': 'signedIn',
  'setup:complete': 'settings.write',
  'units:search': 'signedIn',
  'units:get': 'signedIn',
  'units:subtree': 'signedIn',
  'obligations:grid': 'signedIn',
  'meetings:preview': 'signedIn',
  'meetings:plan': 'records.write',
  'meetings:update': 'records.write',
  'meetings:announce': 'records.write',
  'meetings:markHeld': 'records.write',
  'meetings:close': 'records.write',
  'meetings:cancel': 'records.write',
  'meetings:postpone': 'records.write',
  'meetings:setOfficials': 'records.write',
  'meetings:get': 'signedIn',
  'meetings:list': 'signedIn',
  'meetings:recordHeld': 'records.write',
  'meetings:remove': 'records.write',
  'akims:list': 'signedIn',
  'akims:save': 'records.write',
  'dashboard:get': 'signedIn',
  'reminders:list': 'signedIn',
  'settings:setReminderDays': 'settings.write',
  'meetings:exportIcs': 'signedIn',
  'minutes:open': 'signedIn',
  'minutes:save': 'records.write',
  'minutes:finalize': 'records.write',
  'minutes:amend': 'records.write',
  'minutes:exportDocx': 'signedIn',
  'attachments:list': 'signedIn',
  'attachments:add': 'records.write',
  'attachments:read': 'signedIn',
  'attachments:remove': 'records.write',
  'attachments:open': 'signedIn',
  'rules:list': 'signedIn',
  'rules:add': 'settings.write',
  'rules:remove': 'settings.write',
  'rules:schedule': 'signedIn',
  'rules:compliance': 'signedIn',
  'issues:list': 'signedIn',
  'issues:counts': 'signedIn',
  'issues:get': 'signedIn',
  // An issue created with its author needs personal.write as well (access-guard.ts).
  'issues:create': 'records.write',
  'issues:update': 'records.write',
  'issues:setStatus': 'records.write',
  'issues:prolong': 'records.write',
  'issues:fromMinutes': 'records.write',
  'issues:carryOver': 'records.write',
  'issues:author': 'personal.read',
  'issues:setAuthor': 'personal.write',
  'issueStatuses:list': 'signedIn',
  'issueStatuses:save': 'reference.write',
  'issueCategories:list': 'signedIn',
  'issueCategories:save': 'reference.write',
  'bodies:list': 'signedIn',
  'bodies:save': 'reference.write',
  'bodies:savePerson': 'reference.write',
  'savedFilters:list': 'signedIn',
  'savedFilters:save': 'signedIn',
  'savedFilters:remove': 'signedIn',
  // A legacy log carries authors: its import is the keeper of the log's.
  'issuesImport:preview': 'reference.write',
  'issuesImport:check': 'reference.write',
  'issuesImport:commit': 'reference.write',
  'actionPlan:list': 'signedIn',
  'actionPlan:fill': 'records.write',
  'actionPlan:saveRow': 'records.write',
  'actionPlan:removeRow': 'records.write',
  'actionPlan:export': 'signedIn',
  'reports:get': 'signedIn',
  // With personal data, personal.read as well (access-guard.ts); the export is audited.
  'reports:export': 'signedIn',
  'identity:get': 'signedIn',
  'exchange:origins': 'signedIn',
  'exchange:chooseFolder': 'signedIn',
  'exchange:export': 'exchange.send',
  'exchange:verify': 'exchange.receive',
  'exchange:preview': 'exchange.receive',
  'exchange:import': 'exchange.receive',
  'mail:settings': 'signedIn',
  'mail:saveSettings': 'settings.write',
  'mail:eml': 'exchange.send',
  'mail:queue': 'exchange.send',
  'mail:outbox': 'signedIn',
  'mail:retry': 'exchange.send',
  'mail:cancel': 'exchange.send',
  // The damaged database's screen (issue 12): its state is open, its remedy the administrator's,
  // unless the damage keeps the operators from being read (access-guard.ts).
  'db:health': 'open',
  'backup:list': 'settings.write',
  'backup:now': 'settings.write',
  'backup:restore': 'settings.write',
  'holidays:list': 'signedIn',
  'holidays:years': 'signedIn',
  'holidays:save': 'settings.write',
  'holidays:remove': 'settings.write',
  'holidays:import': 'settings.write',
  'holidays:export': 'signedIn',
  'auth:state': 'open',
  'auth:signIn': 'open',
  'auth:signOut': 'open',
  'auth:lock': 'open',
  'auth:unlock': 'open',
  'auth:recover': 'open',
  // Refused by the service once any operator exists.
  'operators:createFirst': 'open',
  'operators:list': 'operators.manage',
  'operators:save': 'operators.manage',
  'operators:changeSecret': 'signedIn',
  'operators:newRecoveryCode': 'operators.manage',
  'settings:setIdleMinutes': 'settings.write',
  'jobs:progress': 'open',
};

/** Inputs that ask for more than their channel's access: an author is personal data. */
export function extraPermission(channel: ChannelName, input: unknown): Permission | null {
  const value = input as Record<string, unknown> | null;
  if (channel === 'issues:create' && value?.['author'] != null) return 'personal.write';
  if (channel === 'reports:export' && value?.['personalData'] === true) return 'personal.read';
  return null;
}
