import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { LANGUAGES } from '../../shared/i18n';
import { UNIT_KINDS } from '../../shared/domain/units/unit-kind';
import { SCREENS } from '../../renderer/src/stores/app.store';
import { coreSources, rendererSources, shellSources } from './source-files';
import { flatCatalog } from '../helpers/flat-catalog';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** base key → the plural suffixes it has ('' for a key without plural forms). */
function byBase(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const m = PLURAL_SUFFIX.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    const forms = out.get(base) ?? new Set<string>();
    forms.add(m ? m[1]! : '');
    out.set(base, forms);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatCatalog(l)])) as Record<
  (typeof LANGUAGES)[number],
  Map<string, string>
>;

describe('i18n catalogs', () => {
  it('kk, ru and en have the same keys (plural forms aside)', () => {
    const bases = LANGUAGES.map((l) => [...byBase(flat[l]).keys()].sort());
    expect(bases[1]).toEqual(bases[0]);
    expect(bases[2]).toEqual(bases[0]);
  });

  it('a counted key has exactly the plural forms its language needs (Intl.PluralRules)', () => {
    for (const lng of LANGUAGES) {
      const needed = [...new Intl.PluralRules(lng).resolvedOptions().pluralCategories].sort();
      for (const [base, forms] of byBase(flat[lng])) {
        if (forms.has('')) {
          expect(forms.size, `${lng}: ${base} is both plain and plural`).toBe(1);
          continue;
        }
        expect([...forms].sort(), `${lng}: ${base}`).toEqual(needed);
      }
    }
    // Russian needs few and many; this guards against a catalog that only has one/other.
    expect(flat.ru.has('Grid.units_few') && flat.ru.has('Grid.units_many')).toBe(true);
  });

  it('every translation of a key has the same {{placeholders}}', () => {
    for (const [key, en] of flat.en) {
      const base = key.replace(PLURAL_SUFFIX, '');
      const expected = placeholders(en);
      for (const lng of LANGUAGES) {
        for (const [k, text] of flat[lng]) {
          if (k.replace(PLURAL_SUFFIX, '') === base) expect(placeholders(text), `${lng}: ${k}`).toEqual(expected);
        }
      }
      if (PLURAL_SUFFIX.test(key)) expect(expected, key).toContain('count');
    }
  });

  it('has no empty text', () => {
    for (const lng of LANGUAGES) for (const [k, v] of flat[lng]) expect(v.trim(), `${lng}: ${k}`).not.toBe('');
  });

  it('has a text for every key the renderer builds from data', () => {
    const statuses = ['upcoming', 'open', 'held_on_time', 'held_late', 'missed'];
    const expected = [
      ...UNIT_KINDS.map((k) => `Kind.${k}`),
      ...ERROR_CODES.map((c) => `Errors.${c}`),
      ...SCREENS.map((s) => `Nav.${s}`),
      ...statuses.flatMap((s) => [`Status.${s}`, `Status.help.${s}`]),
      'Status.planned',
      ...[1, 2, 3, 4].map((q) => `Grid.quarter.${q}`),
      ...['A', 'B', 'C'].map((g) => `Rules.decree-615.${g}`),
      'Language.kk', 'Language.ru', 'Language.short.kk', 'Language.short.ru',
      'Setup.steps.language', 'Setup.steps.unit', 'Setup.steps.confirm',
    ];
    for (const lng of LANGUAGES) for (const key of expected) expect(flat[lng].has(key), `${lng}: ${key}`).toBe(true);
  });

  it('has every literal key the renderer, the shell, the core, the CLI and the documents ask for', () => {
    const bases = byBase(flat.en);
    const missing: string[] = [];
    const sources = [...rendererSources(), ...shellSources(), ...coreSources()];
    expect(sources.length).toBeGreaterThan(10);
    for (const known of ['electron/main/menu.ts', 'electron/cli/cli.ts', 'shared/documents/report.document.ts']) expect(sources.some((s) => s.path === known)).toBe(true);
    const prefixes = [...bases.keys()];
    for (const { path, text } of sources) {
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z][\w.-]*)'/g)) {
        if (!bases.has(m[1]!)) missing.push(`${path}: ${m[1]}`);
      }
      // A key built from data (`Status.${s}`): at least its fixed part must lead somewhere.
      for (const m of text.matchAll(/\bt\(\s*`([A-Z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)) {
        if (!prefixes.some((k) => k.startsWith(m[1]!))) missing.push(`${path}: ${m[1]}…`);
      }
    }
    expect(missing).toEqual([]);
  });
});
