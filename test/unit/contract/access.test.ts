import { describe, expect, it } from 'vitest';
import { CHANNEL_ACCESS, extraPermission } from '../../../shared/contract/access';
import { CHANNELS } from '../../../shared/contract/channels';
import { can, OPERATOR_ROLES, PERMISSIONS, ROLE_PERMISSIONS } from '../../../shared/domain/operators/roles';

/** Verbs of channels that change the installation. */
const WRITING = /^(save|savePerson|create|update|set[A-Z]\w*|remove|add|plan|announce|markHeld|close|cancel|postpone|recordHeld|finalize|amend|prolong|fromMinutes|carryOver|fill|saveRow|removeRow|commit|import|restore|now|complete|queue|retry|cancel|newRecoveryCode)$/;

/** Writes that are the operator's own screen, or the sign-in screen's language: any operator's. */
const PREFERENCES = new Set(['settings:setLanguage', 'settings:setIssueColumns', 'savedFilters:save', 'savedFilters:remove', 'operators:changeSecret']);

describe('the access table', () => {
  it('names every channel, and lets no writing channel through on sign-in alone', () => {
    expect(Object.keys(CHANNEL_ACCESS).sort()).toEqual([...CHANNELS].sort());
    const loose = CHANNELS.filter((c) => WRITING.test(c.split(':')[1]!) && !PREFERENCES.has(c) && ['open', 'signedIn'].includes(CHANNEL_ACCESS[c]));
    expect(loose).toEqual([]);
    // Open writes: the sign-in's own, and the first administrator (refused once one exists).
    expect(CHANNELS.filter((c) => CHANNEL_ACCESS[c] === 'open' && !c.startsWith('auth:'))).toEqual(['app:info', 'settings:get', 'settings:setLanguage', 'db:health', 'operators:createFirst', 'jobs:progress']);
  });

  it('gives a viewer nothing that writes, okrug staff no personal data, and the administrator everything', () => {
    expect(ROLE_PERMISSIONS.viewer).toEqual([]);
    expect(can('okrug_staff', 'personal.read')).toBe(false);
    expect(can('okrug_staff', 'personal.write')).toBe(false);
    expect(can('okrug_staff', 'records.write')).toBe(true);
    expect(can('secretary', 'personal.read')).toBe(true);
    expect(can('secretary', 'operators.manage')).toBe(false);
    expect(PERMISSIONS.every((p) => can('admin', p))).toBe(true);
    // Only an administrator manages operators or the installation's settings.
    for (const role of OPERATOR_ROLES) expect(can(role, 'operators.manage') || can(role, 'settings.write')).toBe(role === 'admin');
  });

  it('asks for personal data rights when an issue is created with its author, or a report exported with authors', () => {
    expect(extraPermission('issues:create', { author: { fullName: 'А', phone: '', address: '' } })).toBe('personal.write');
    expect(extraPermission('issues:create', { author: null })).toBeNull();
    expect(extraPermission('reports:export', { personalData: true })).toBe('personal.read');
    expect(extraPermission('reports:export', { personalData: false })).toBeNull();
  });
});
