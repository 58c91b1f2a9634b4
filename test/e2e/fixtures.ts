import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore } from '../helpers/temp-core';
import { caller } from '../integration/meeting-fixtures';

/**
 * A data folder set up (kk) for Abay district with one meeting held in Қараауыл a.o. two days
 * before `today`, written through the real core before the host starts. Returns the meeting id.
 */
export function seedHeldMeeting(dataDir: string, today: string, heldOn: string): string {
  const core = openTempCore({ dataDir, today });
  try {
    const { value } = caller(core);
    value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    return value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn }).id as string;
  } finally {
    core.close();
  }
}
