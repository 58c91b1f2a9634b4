import { describe, expect, it } from 'vitest';
import { flatCatalog } from '../../helpers/flat-catalog';

/**
 * Buttons that do different things and once shared a word ("Закрыть" closed both the panel and
 * the meeting): within each group every label must differ.
 */
const DISTINCT: ReadonlyArray<{ why: string; keys: readonly string[] }> = [
  { why: 'close the meeting / close the panel', keys: ['Meeting.actions.close', 'Record.close'] },
  { why: 'cancel the meeting / dismiss a form / cancel a letter / undo', keys: ['Meeting.actions.cancel', 'Plan.cancel', 'Outbox.cancel', 'Menu.undo'] },
  { why: 'send a letter again / reload the screen / redo', keys: ['Outbox.retry', 'App.retry', 'Menu.redo'] },
  { why: 'take an entry out of the archive / restore a backup', keys: ['Issues.ref.restore', 'Backups.restore.action'] },
];

describe('button labels', () => {
  for (const lng of ['kk', 'ru'] as const) {
    const flat = flatCatalog(lng);
    const t = (key: string) => flat.get(key);

    it(`keep one meaning each (${lng})`, () => {
      for (const { why, keys } of DISTINCT) {
        const labels = keys.map(t);
        expect(labels.every(Boolean), `${why}: ${keys.join(', ')}`).toBe(true);
        expect(new Set(labels).size, `${why}: ${labels.join(' | ')}`).toBe(keys.length);
      }
    });

    // So that dismissing never reads as undo (kk once said «Болдырмау» for both).
    it(`dismiss a form with one word (${lng})`, () => {
      const dismiss = ['Plan.cancel', 'Minutes.amendCancel', 'Backups.restore.cancel', 'RuleSets.form.cancel', 'Exchange.import.cancel'].map(t);
      expect(new Set(dismiss).size, dismiss.join(' | ')).toBe(1);
    });
  }

  it('leave "Закрыть"/"Жабу" to the panel’s ×, and name the meeting in its own action', () => {
    const [ru, kk] = [flatCatalog('ru'), flatCatalog('kk')];
    expect(ru.get('Record.close')).toBe('Закрыть');
    expect(kk.get('Record.close')).toBe('Жабу');
    expect(ru.get('Meeting.actions.close')).toBe('Закрыть встречу');
    expect(kk.get('Meeting.actions.close')).toBe('Кездесуді жабу');
  });
});
