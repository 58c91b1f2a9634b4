import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PowerMonitor } from 'electron';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { inLineDoor } from '../../electron/core/api/door';
import { openCoreOnCopy } from '../helpers/template-db';
import { tempDir } from '../helpers/temp-core';
import { addStaff, STAFF_SECRET } from '../helpers/staff';
import type { AuthState } from '../../shared/contract/operators.contract';

vi.mock('electron', () => ({}));

const { lockOnLeave } = await import('../../electron/main/lock-on-leave');

let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

/** A real core, through the door main uses, and a power monitor the test fires. */
function setUp() {
  core = openCoreOnCopy({ dataDir: tempDir('esep-lock-'), today: '2025-07-10' });
  const door = vi.fn(inLineDoor(createHandlers(core, '0.1.0-test')));
  const monitor = new EventEmitter();
  const stop = lockOnLeave(monitor as unknown as PowerMonitor, door);
  const state = async () => ((await door('auth:state', {})) as { value: AuthState }).value;
  return { core, door, monitor, stop, state };
}

describe('the session locks when the computer does', () => {
  for (const event of ['lock-screen', 'suspend']) {
    it(`on ${event}: the signed-in operator's session locks, and only their secret opens it again`, async () => {
      const { core, door, monitor, state } = setUp();
      await addStaff(core, 'secretary');
      expect(await state()).toMatchObject({ operator: { login: 'hatshy' }, locked: false });
      monitor.emit(event);
      await vi.waitFor(async () => expect(await state()).toMatchObject({ operator: { login: 'hatshy' }, locked: true }));
      expect(core.session.locked()).toBe(true);
      expect(await door('meetings:list', {})).toMatchObject({ ok: false, error: { code: 'auth_locked' } });
      expect(await door('auth:unlock', { secret: STAFF_SECRET })).toMatchObject({ ok: true, value: { locked: false } });
    });
  }

  it('leaves an installation with no operators open, and one where nobody is signed in as it was', async () => {
    const { core, door, monitor, state } = setUp();
    monitor.emit('suspend');
    await vi.waitFor(() => expect(door).toHaveBeenCalledWith('auth:lock', {}));
    expect(await state()).toMatchObject({ operatorsExist: false, operator: null, locked: false });
    expect(await door('settings:get', {})).toMatchObject({ ok: true });

    await addStaff(core, null);
    monitor.emit('lock-screen');
    await vi.waitFor(() => expect(door).toHaveBeenCalledTimes(4));
    expect(await state()).toMatchObject({ operatorsExist: true, operator: null, locked: false });
  });

  it('stops listening when unsubscribed (as the app quits)', () => {
    const { door, monitor, stop } = setUp();
    stop();
    monitor.emit('suspend');
    monitor.emit('lock-screen');
    expect(door).not.toHaveBeenCalled();
  });
});
