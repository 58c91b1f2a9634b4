import type { Core } from '../core';
import { CHANNEL_ACCESS, extraPermission, type Access } from '../../../shared/contract/access';
import type { ChannelName } from '../../../shared/contract/channels';
import { can, type Permission } from '../../../shared/domain/operators/roles';
import { EsepError } from '../../../shared/errors';
import { countOperators } from '../db/repos/operators.repo';
import { isDamage } from '../db/storage-errors';
import { actAs, sessionOperator } from '../services/operators.service';

/**
 * The damaged database's screen must work even when the damage keeps the operators from being
 * read: its state, the backups, their restore (a backup of this same installation, the damaged
 * file itself left untouched).
 */
const WHEN_UNREADABLE: ReadonlySet<string> = new Set(['db:health', 'backup:list', 'backup:restore', 'app:info', 'settings:get']);

/**
 * Admits a request or refuses it before its service runs, and makes the operator asking the
 * "who" of whatever it records (ctx.actor). See shared/contract/access.ts for the rules.
 */
export function admit(core: Core, channel: ChannelName, input: unknown): void {
  admitFor(core, CHANNEL_ACCESS[channel], channel, input);
}

function admitFor(core: Core, access: Access, channel: ChannelName | 'tool', input: unknown): void {
  const { ctx } = core;
  let exist: boolean;
  try {
    exist = countOperators(ctx.db) > 0;
  } catch (error) {
    if (isDamage(error) && core.health.state === 'damaged' && WHEN_UNREADABLE.has(channel)) return;
    throw error;
  }
  if (!exist) {
    actAs(ctx, null);
    return;
  }
  const operator = sessionOperator(core);
  actAs(ctx, operator);
  if (access === 'open') return;
  if (!operator) throw new EsepError('auth_required');
  if (core.session.locked()) throw new EsepError('auth_locked');
  const needs = [access === 'signedIn' ? null : access, channel === 'tool' ? null : extraPermission(channel, input)];
  for (const permission of needs) {
    if (permission && !can(operator.role, permission)) throw new EsepError('not_permitted', { permission });
  }
}

/** A tooling table (the CLI's demo generators) that needs one permission, as a channel would. */
export function guardedByPermission<H extends object>(core: Core, permission: Permission, handlers: H): H {
  const guarded = Object.entries(handlers).map(([channel, handler]) => [
    channel,
    (input: unknown) => {
      admitFor(core, permission, 'tool', input);
      return (handler as (input: unknown) => unknown)(input);
    },
  ]);
  return Object.fromEntries(guarded) as H;
}

/** Every handler of the table behind `admit`. */
export function guardedByAccess<H extends object>(core: Core, handlers: H): H {
  const guarded = Object.entries(handlers).map(([channel, handler]) => [
    channel,
    (input: unknown) => {
      admit(core, channel as ChannelName, input);
      return (handler as (input: unknown) => unknown)(input);
    },
  ]);
  return Object.fromEntries(guarded) as H;
}
