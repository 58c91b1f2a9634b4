import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../shared/i18n';

type Catalog = { [key: string]: string | Catalog };

function lookup(catalog: Catalog, path: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

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
    const t = (key: string) => lookup(catalogs[lng] as Catalog, key);

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
    expect(lookup(catalogs.ru as Catalog, 'Record.close')).toBe('Закрыть');
    expect(lookup(catalogs.kk as Catalog, 'Record.close')).toBe('Жабу');
    expect(lookup(catalogs.ru as Catalog, 'Meeting.actions.close')).toBe('Закрыть встречу');
    expect(lookup(catalogs.kk as Catalog, 'Meeting.actions.close')).toBe('Кездесуді жабу');
  });
});
