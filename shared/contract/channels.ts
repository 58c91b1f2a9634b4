/**
 * The channel names alone, without zod: the sandboxed preload checks requests against this
 * list and stays tiny. contract.ts fails to compile if the two ever disagree.
 */
export const CHANNELS = [
  'app:info',
  'settings:get',
  'settings:setLanguage',
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
  'rules:list',
  'rules:add',
  'rules:remove',
] as const;

export type ChannelName = (typeof CHANNELS)[number];
