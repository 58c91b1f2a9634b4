import { describe, expect, it } from 'vitest';
import { formatFingerprint, isForeignOrigin, SEED_ORIGIN } from '../../../shared/domain/exchange/ownership';

describe('ownership', () => {
  it('calls a record foreign when neither this installation nor the seed made it', () => {
    expect(isForeignOrigin('inst-a', 'inst-a')).toBe(false);
    expect(isForeignOrigin(SEED_ORIGIN, 'inst-a')).toBe(false);
    expect(isForeignOrigin('inst-b', 'inst-a')).toBe(true);
    // Case matters: an id is compared as it is stored.
    expect(isForeignOrigin('INST-A', 'inst-a')).toBe(true);
  });

  it('shows a key id in four groups of four, and nothing that is not one', () => {
    expect(formatFingerprint('ECD91F14811BE380')).toBe('ECD9 1F14 811B E380');
    for (const bad of ['ecd91f14811be380', 'ECD91F14811BE38', 'ECD91F14811BE3800', 'ECD9 1F14 811B E380', 'GCD91F14811BE380']) {
      expect(() => formatFingerprint(bad), bad).toThrow(/key id/);
    }
  });
});
