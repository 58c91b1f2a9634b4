import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { createDispatch, dispatch } from '../../electron/core/api/dispatch';
import { demoContract } from '../../electron/core/demo/demo.contract';
import { createDemoHandlers } from '../../electron/core/demo/demo.handlers';
import { contract } from '../../shared/contract/contract';
import { CHANNELS } from '../../shared/contract/channels';
import type { Envelope } from '../../shared/contract/envelope';
import { openTempCore, ABAY_DISTRICT, KARAAUYL_OKRUG } from '../helpers/temp-core';

const withDemo = createDispatch({ ...contract, ...demoContract });

let core: Core;
let call: (channel: string, input: unknown) => Envelope<any>;
const meetingCount = () => (core.ctx.db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;

beforeAll(() => {
  core = openTempCore({ today: '2025-06-15' });
  const handlers = { ...createHandlers(core, '0.0.0-test'), ...createDemoHandlers(core) };
  call = (channel, input) => withDemo(handlers, channel, input, () => {}) as Envelope<any>;
});
afterAll(() => core.close());

const okrug = { unitKato: KARAAUYL_OKRUG, fromYear: 2024, toYear: 2025, seed: 1 };

describe('the demo contract', () => {
  it('is not part of the app: the renderer, the IPC layer and the browser host never see it', () => {
    expect(CHANNELS).not.toContain('demo:generate');
    expect(Object.keys(contract)).not.toContain('demo:generate');
    expect(dispatch(createHandlers(core, 't'), 'demo:generate', okrug)).toEqual({ ok: false, error: { code: 'not_found', details: { channel: 'demo:generate' } } });
  });

  it.each([
    ['a malformed unit', { ...okrug, unitKato: '12345' }, ['unitKato']],
    ['a year before the decree', { ...okrug, fromYear: 2012 }, ['fromYear']],
    ['a fractional seed', { ...okrug, seed: 1.5 }, ['seed']],
    ['a seed beyond 32 bits', { ...okrug, seed: 2 ** 32 }, ['seed']],
    ['a negative issue count', { ...okrug, issues: -1 }, ['issues']],
    ['no seed', { unitKato: KARAAUYL_OKRUG, fromYear: 2024, toYear: 2025 }, ['seed']],
    ['an option it does not know', { ...okrug, today: '2025-06-15' }, ['(input)']],
  ])('validates its input like any channel: %s', (_label, input, fields) => {
    expect(call('demo:generate', input)).toEqual({ ok: false, error: { code: 'validation', details: { fields } } });
    expect(meetingCount()).toBe(0);
  });

  it('refuses a period that ends before it starts, and a unit outside the working set, writing nothing', () => {
    expect(call('demo:generate', { ...okrug, fromYear: 2025, toYear: 2024 })).toEqual({ ok: false, error: { code: 'range_invalid', details: { from: '2025', to: '2024' } } });
    expect(call('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' }).ok).toBe(true);
    expect(call('demo:generate', { ...okrug, unitKato: '110000000' })).toMatchObject({ ok: false, error: { code: 'unit_outside_working_set', details: { kato: '110000000' } } });
    expect(meetingCount()).toBe(0);
  });

  it('fills an empty unit once, then refuses with how many meetings are there', () => {
    const first = call('demo:generate', { ...okrug, issues: 40 });
    expect(first).toMatchObject({ ok: true, value: { unit: KARAAUYL_OKRUG, units: 1, seed: 1, today: '2025-06-15' } });
    expect(first.ok && first.value.meetings).toBe(meetingCount());
    expect(first.ok && first.value.issues.issues).toBeGreaterThan(30);
    expect(call('demo:generate', okrug)).toEqual({ ok: false, error: { code: 'demo_not_empty', details: { kato: KARAAUYL_OKRUG, meetings: meetingCount() } } });
  });
});
