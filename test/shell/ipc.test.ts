import { afterAll, describe, expect, it, vi } from 'vitest';
import { openTempCore } from '../helpers/temp-core';
import { createHandlers } from '../../electron/core/api/handlers';
import { inLineDoor } from '../../electron/core/api/door';
import { CHANNELS } from '../../shared/contract/channels';

vi.mock('electron', () => ({}));
const { registerIpc } = await import('../../electron/main/ipc/register');

const core = openTempCore();
afterAll(() => core.close());

function setup(devServerOrigin?: string) {
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const ipcMain = { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => handlers.set(channel, fn) };
  registerIpc(ipcMain as never, inLineDoor(createHandlers(core, '1.0.0')), devServerOrigin ? { devServerOrigin } : {});
  return handlers;
}

const fromFrame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('registerIpc', () => {
  it('registers exactly the contract channels', () => {
    expect([...setup().keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers the app page and validates its input', async () => {
    const handlers = setup();
    const info = await handlers.get('app:info')!(fromFrame('app://esep/index.html'), {});
    expect(info).toMatchObject({ ok: true, value: { version: '1.0.0' } });
    const bad = await handlers.get('units:get')!(fromFrame('app://esep/index.html'), { kato: '1' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a foreign page, a subframe and a missing frame without calling the core', () => {
    const handlers = setup();
    const call = handlers.get('settings:get')!;
    expect(call(fromFrame('https://evil.example/'), {})).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(call(fromFrame('app://esep/index.html', { url: 'app://esep/' }), {})).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(call({ senderFrame: null }, {})).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(call(fromFrame('http://localhost:5173/'), {})).toEqual({ ok: false, error: { code: 'forbidden' } });
  });

  it('accepts the dev server page only when it is configured', async () => {
    const handlers = setup('http://localhost:5173');
    expect(await handlers.get('settings:get')!(fromFrame('http://localhost:5173/'), {})).toMatchObject({ ok: true });
  });
});
