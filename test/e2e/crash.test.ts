import { describe, expect, it } from 'vitest';
import { e2eSession } from './harness';
import { openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from '../integration/meeting-fixtures';
import { seedHeldMeeting } from './fixtures';

// Issue 4: "a kill -9 of the browser host while typing loses at most the last second".
const TODAY = '2026-04-10';
const session = e2eSession();

/** What is on disk, read by a fresh core after the crash. */
function savedHeard(dataDir: string, meetingId: string): string {
  const core = openTempCore({ dataDir, today: TODAY });
  try {
    return caller(core).value('minutes:open', { meetingId }).items[0]?.heard ?? '';
  } finally {
    core.close();
  }
}

describe('a crash of the host while the secretary types', () => {
  it('loses at most the last second of typing, even when typing never pauses', async () => {
    const dataDir = tempDir('esep-e2e-crash-');
    const meetingId = seedHeldMeeting(dataDir, TODAY, '2026-04-08');
    const { page: p, host } = await session.open(dataDir, TODAY);
    await p.getByTestId('nav-meetings').click();
    await p.getByTestId(`meeting-open-${meetingId}`).click();
    await p.getByTestId('meeting-minutes').click();
    await p.getByTestId('minutes-item-add').click();
    await p.getByTestId('item-0-heard').focus();

    // A steady typist (no pause for the debounce to catch) for three seconds, then the crash.
    const sentence = 'Әкім ауылдағы жол, су, мектеп және денсаулық сақтау мәселелері бойынша есеп берді. ';
    const typed: Array<{ char: string; at: number }> = [];
    const start = Date.now();
    for (let k = 0; Date.now() - start < 3000; k++) {
      const char = sentence[k % sentence.length]!;
      await p.keyboard.type(char);
      typed.push({ char, at: Date.now() });
      await new Promise((r) => setTimeout(r, 25));
    }
    const killedAt = Date.now();
    await host.crash();

    const saved = savedHeard(dataDir, meetingId);
    const text = typed.map((t) => t.char).join('');
    expect(text.startsWith(saved)).toBe(true);
    const older = typed.filter((t) => t.at <= killedAt - 1000).length;
    // Everything typed more than a second before the crash is on disk.
    expect(saved.length).toBeGreaterThanOrEqual(older);
    expect(older).toBeGreaterThan(20);
  });
});
