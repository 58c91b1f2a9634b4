import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore } from '../helpers/temp-core';
import { caller, planInput } from './meeting-fixtures';

let core: Core;
afterEach(() => core.close());

function world(today: string) {
  core = openTempCore({ today });
  const c = caller(core);
  c.value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  const nextOpen = (unitKato: string) => c.value('meetings:preview', { unitKato, date: today }).nextOpen;
  return { ...c, nextOpen };
}

describe("a new meeting's date: the unit's next open window", () => {
  it('is today inside a window no meeting has taken, then the next window once one is planned, then once held', () => {
    const w = world('2025-07-15');
    expect(w.nextOpen(KARAAUYL_OKRUG)).toMatchObject({ date: '2025-07-15', obligation: { windowKey: '2025-M07', windowStart: '2025-07-01', windowEnd: '2025-07-31' } });

    const planned = w.value('meetings:plan', planInput(KARAAUYL_OKRUG, '2025-07-25', '2025-M07'));
    const after = w.nextOpen(KARAAUYL_OKRUG);
    expect(after.obligation.windowKey).not.toBe('2025-M07');
    expect(after.date).toBe(after.obligation.windowStart);
    expect(after.date > '2025-07-31').toBe(true);

    // Held (early, on today's date) rather than planned: the window is still taken.
    w.value('meetings:markHeld', { id: planned.id, revision: planned.revision, heldOn: '2025-07-15', attendance: 40, onlineViewers: null });
    expect(w.nextOpen(KARAAUYL_OKRUG)).toEqual(after);
    // The meeting being edited does not take its own window.
    expect(w.value('meetings:preview', { unitKato: KARAAUYL_OKRUG, date: '2025-07-15', excludeMeetingId: planned.id }).nextOpen.obligation.windowKey).toBe('2025-M07');
  });

  it('is the first day of the next window when today is between windows', () => {
    const w = world('2025-06-10');
    const open = w.nextOpen(KARAAUYL_OKRUG);
    expect(open.date).toBe(open.obligation.windowStart);
    expect(open.date > '2025-06-10').toBe(true);
    expect(open.obligation.windowKey).toBe('2025-M07');
  });
});
