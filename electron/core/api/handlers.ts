import type { Core } from '../core';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract/contract';
import { LATEST_VERSION } from '../db/migrations';
import { currentKatoEdition } from '../kato/kato.loader';
import { completeSetup, getSettings, setLanguage } from '../services/settings.service';
import { getUnit, searchUnits } from '../services/units.service';
import { listMeetings, recordHeld, removeMeeting } from '../services/meetings.service';
import { obligationsGrid } from '../services/obligations.service';
import { addRuleSet, listRuleSetViews, removeRuleSet } from '../services/rule-sets.service';

export type Handlers = { [K in ChannelName]: (input: ChannelInput<K>) => ChannelOutput<K> };

/** The contract bound to the core's services: the one table every door dispatches through. */
export function createHandlers(core: Core, appVersion: string): Handlers {
  const { ctx } = core;
  return {
    'app:info': () => ({
      version: appVersion,
      dataDir: core.paths.dataDir,
      schemaVersion: LATEST_VERSION,
      katoEdition: currentKatoEdition(ctx),
      installationId: ctx.installationId,
      today: ctx.clock.today(),
    }),
    'settings:get': () => getSettings(ctx),
    'settings:setLanguage': (input) => setLanguage(ctx, input.language),
    'setup:complete': (input) => completeSetup(ctx, input),
    'units:search': (input) => searchUnits(ctx, input),
    'units:get': (input) => getUnit(ctx, input.kato),
    'obligations:grid': (input) => obligationsGrid(ctx, input),
    'meetings:recordHeld': (input) => recordHeld(ctx, input),
    'meetings:list': (input) => listMeetings(ctx, input),
    'meetings:remove': (input) => removeMeeting(ctx, input),
    'rules:list': () => listRuleSetViews(ctx),
    'rules:add': (input) => addRuleSet(ctx, input),
    'rules:remove': (input) => removeRuleSet(ctx, input),
  };
}
