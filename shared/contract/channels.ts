/**
 * The channel names alone, without zod: the sandboxed preload checks requests against this
 * list and stays tiny. contract.ts fails to compile if the two ever disagree.
 */
export const CHANNELS = [
  'app:info',
  'settings:get',
  'settings:setLanguage',
  'settings:setResume',
  'settings:issueColumns',
  'settings:setIssueColumns',
  'setup:complete',
  'units:search',
  'units:get',
  'units:subtree',
  'obligations:grid',
  'meetings:preview',
  'meetings:plan',
  'meetings:update',
  'meetings:announce',
  'meetings:markHeld',
  'meetings:close',
  'meetings:cancel',
  'meetings:postpone',
  'meetings:setOfficials',
  'meetings:get',
  'meetings:list',
  'meetings:recordHeld',
  'meetings:remove',
  'akims:list',
  'akims:save',
  'dashboard:get',
  'reminders:list',
  'settings:setReminderDays',
  'meetings:exportIcs',
  'minutes:open',
  'minutes:save',
  'minutes:finalize',
  'minutes:amend',
  'minutes:exportDocx',
  'attachments:list',
  'attachments:add',
  'attachments:read',
  'attachments:remove',
  'attachments:open',
  'rules:list',
  'rules:add',
  'rules:remove',
  'rules:schedule',
  'rules:compliance',
  'issues:list',
  'issues:counts',
  'issues:get',
  'issues:create',
  'issues:update',
  'issues:setStatus',
  'issues:prolong',
  'issues:fromMinutes',
  'issues:carryOver',
  'issues:author',
  'issues:setAuthor',
  'issueStatuses:list',
  'issueStatuses:save',
  'issueCategories:list',
  'issueCategories:save',
  'bodies:list',
  'bodies:save',
  'bodies:savePerson',
  'savedFilters:list',
  'savedFilters:save',
  'savedFilters:remove',
  'issuesImport:preview',
  'issuesImport:check',
  'issuesImport:commit',
  'actionPlan:list',
  'actionPlan:fill',
  'actionPlan:saveRow',
  'actionPlan:removeRow',
  'actionPlan:export',
  'reports:get',
  'reports:export',
  'identity:get',
  'exchange:origins',
  'exchange:chooseFolder',
  'exchange:export',
  'exchange:verify',
  'exchange:preview',
  'exchange:import',
  // Packages by e-mail (mail.contract.ts).
  'mail:settings',
  'mail:saveSettings',
  'mail:eml',
  'mail:queue',
  'mail:outbox',
  'mail:retry',
  'mail:cancel',
  'db:health',
  'backup:list',
  'backup:now',
  'backup:restore',
  // Holidays and moved days off (holidays.contract.ts).
  'holidays:list',
  'holidays:years',
  'holidays:save',
  'holidays:remove',
  'holidays:import',
  'holidays:export',
  // Operators, signing in and the lock (operators.contract.ts).
  'auth:state',
  'auth:signIn',
  'auth:signOut',
  'auth:lock',
  'auth:unlock',
  'auth:recover',
  'operators:createFirst',
  'operators:list',
  'operators:save',
  'operators:changeSecret',
  'operators:newRecoveryCode',
  'settings:setIdleMinutes',
  // The long job running beside the short requests, if any (answered by the door, not a service).
  'jobs:progress',
] as const;

export type ChannelName = (typeof CHANNELS)[number];

/**
 * Long jobs: each runs in the core's job worker, one at a time, so that the short requests (a
 * minutes autosave, the log's next page) never wait behind an import, a report or a package;
 * the screen shows their progress. The mail channels go there too because the outbox that they
 * wake and change runs there, beside the packages it sends.
 */
export const JOB_CHANNELS = [
  'issuesImport:preview',
  'issuesImport:check',
  'issuesImport:commit',
  'reports:get',
  'reports:export',
  'actionPlan:export',
  'minutes:exportDocx',
  'exchange:export',
  'exchange:verify',
  'exchange:preview',
  'exchange:import',
  'mail:saveSettings',
  'mail:eml',
  'mail:queue',
  'mail:retry',
  'mail:cancel',
] as const satisfies readonly ChannelName[];

export type JobChannel = (typeof JOB_CHANNELS)[number];

/**
 * Replace the database file: the door lets the job under way finish and closes the job worker
 * first (its connection would go on with the old file), and the next job opens afresh.
 */
export const EXCLUSIVE_CHANNELS = ['backup:restore'] as const satisfies readonly ChannelName[];

export function isJobChannel(channel: string): channel is JobChannel {
  return (JOB_CHANNELS as readonly string[]).includes(channel);
}

/**
 * Pushed by the main process, not asked for: a package file the system opened with Esep (a
 * double-click, electron/main/open-package.ts), already checked to be a package-named file. Its
 * one argument is the absolute path; the page asks `exchange:preview` for it as for a chosen file.
 */
export const OPEN_PACKAGE_EVENT = 'exchange:packageOpened';
