import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import type * as ScheduleService from '../../electron/core/services/schedule.service';

// A bug deep in a service: the one way to reach exit code 1 from a well-formed command.
vi.mock('../../electron/core/services/schedule.service', async (importOriginal) => ({
  ...(await importOriginal<typeof ScheduleService>()),
  scheduleOf: () => {
    throw new TypeError('a bug in the schedule');
  },
}));

describe('an internal error', () => {
  it('exits 1 with the stack for the developer and the translated message for the reader, nothing on stdout', () => {
    let stdout = '';
    let stderr = '';
    const code = runCli(['schedule', '--kind', 'district', '--from', '2025-01-01', '--to', '2025-12-31', '--json', '--lang', 'kk'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: {},
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^esep: TypeError: a bug in the schedule\n\s+at /);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('esep: Ішкі қате. Деректер өзгертілмеді.');
  });
});
