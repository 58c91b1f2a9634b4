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
  'obligations:grid',
  'meetings:recordHeld',
  'meetings:list',
  'meetings:remove',
  'rules:list',
  'rules:add',
  'rules:remove',
] as const;

export type ChannelName = (typeof CHANNELS)[number];
