import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// npm test's first step, run as a new user's machine would meet it: everything present says
// nothing; a missing program is named in one line with the command that installs it.
const ROOT = path.resolve(__dirname, '../..');
const run = (env: Record<string, string>) =>
  spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['electron/dev/test-deps.ts'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });

describe('npm test: the programs the tests need', () => {
  it('is silent when all of them are here (npm test ran it before this file)', () => {
    const result = run({});
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  it('names only what is missing, in one line, and stops the tests', () => {
    const result = run({ CHROMIUM_PATH: '/nonexistent/chromium', ESEP_TEST_DEPS: 'ask' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/apt-get install -y --no-install-recommends chromium$/);
  });
});
