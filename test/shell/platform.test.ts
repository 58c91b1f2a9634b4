import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  dialogs: [] as Array<{ parent: unknown; options: { properties: string[] } }>,
  answer: { canceled: false, filePaths: [] as string[] },
  focused: null as unknown,
  opened: [] as string[],
  openFailure: '',
}));

vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => state.focused },
  dialog: {
    showOpenDialog: async (...args: unknown[]) => {
      const [parent, options] = args.length === 2 ? args : [null, args[0]];
      state.dialogs.push({ parent, options: options as { properties: string[] } });
      return state.answer;
    },
  },
  shell: {
    openPath: async (file: string) => {
      state.opened.push(file);
      return state.openFailure;
    },
  },
}));

const { desktopPlatform } = await import('../../electron/main/platform');

beforeEach(() => {
  state.dialogs.length = 0;
  state.opened.length = 0;
  state.focused = null;
  state.openFailure = '';
});

describe('the desktop platform', () => {
  it('asks for a folder with the system dialog, modal to the focused window, and says which one', async () => {
    const window = { id: 1 };
    state.focused = window;
    state.answer = { canceled: false, filePaths: ['E:\\'] };
    expect(await desktopPlatform().chooseFolder!()).toBe('E:\\');
    expect(state.dialogs).toEqual([{ parent: window, options: { properties: ['openDirectory', 'createDirectory'] } }]);
  });

  it('answers null when the person cancels, and works without a focused window', async () => {
    state.answer = { canceled: true, filePaths: [] };
    expect(await desktopPlatform().chooseFolder!()).toBeNull();
    expect(state.dialogs[0]!.parent).toBeNull();
  });

  it('opens a file with the system application, and reports its failure', async () => {
    await desktopPlatform().openFile!('/tmp/a.pdf');
    expect(state.opened).toEqual(['/tmp/a.pdf']);
    state.openFailure = 'No application';
    await expect(desktopPlatform().openFile!('/tmp/b.pdf')).rejects.toThrow('No application');
  });
});
