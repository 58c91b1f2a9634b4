import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n';
import { flatCatalog } from '../../helpers/flat-catalog';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): Array<{ file: string; text: string }> {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true }).flatMap((e) =>
    e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')
      ? [{ file: path.relative(ROOT, path.join(e.parentPath, e.name)), text: fs.readFileSync(path.join(e.parentPath, e.name), 'utf8') }]
      : [],
  );
}

/** Every `t('Key', { …, count, … })` of the sources: the keys i18next will pick a plural form for. */
function countedKeys(): Array<{ file: string; key: string }> {
  // The options object may hold one level of nested braces (a call inside it).
  const call = /\bt\(\s*'([A-Za-z][\w.-]*)'\s*,\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g;
  return ['renderer/src', 'electron', 'shared'].flatMap(sources).flatMap(({ file, text }) =>
    [...text.matchAll(call)].filter((m) => /(^|[\s,{])count\s*(:|,|$)/.test(m[2]!.trim())).map((m) => ({ file, key: m[1]! })),
  );
}

const ru = flatCatalog('ru');
const kk = flatCatalog('kk');

describe('plurals', () => {
  it('finds the counted keys of the sources', () => {
    const keys = countedKeys().map((k) => k.key);
    // A sample the scan must see: a renderer call, a multi-line one, the CLI's and a document's.
    for (const key of ['Issues.found', 'Grid.units', 'Cli.check.foreignKeys', 'ReportDoc.unresolved.first']) expect(keys, key).toContain(key);
  });

  it('gives every key used with count its one/few/many forms in ru and one/other in kk', () => {
    const missing = countedKeys().flatMap(({ file, key }) => [
      ...['one', 'few', 'many', 'other'].filter((f) => !ru.has(`${key}_${f}`)).map((f) => `ru ${file}: ${key}_${f}`),
      ...['one', 'other'].filter((f) => !kk.has(`${key}_${f}`)).map((f) => `kk ${file}: ${key}_${f}`),
    ]);
    expect(missing).toEqual([]);
  });

  it('says 1, 2, 5, 21 and 101 in Russian as Russian says them', () => {
    const { t } = createI18n('ru');
    const say = (key: string, extra: Record<string, unknown> = {}) => [1, 2, 5, 21, 101].map((count) => t(key, { count, ...extra }));
    expect(say('ActionPlan.carryOver.hint')).toEqual([
      '1 вопрос ещё не решён: включите в повестку отчёт о нём.',
      '2 вопроса ещё не решены: включите в повестку отчёт о них.',
      '5 вопросов ещё не решены: включите в повестку отчёт о них.',
      '21 вопрос ещё не решён: включите в повестку отчёт о нём.',
      '101 вопрос ещё не решён: включите в повестку отчёт о нём.',
    ]);
    expect(say('Issues.found')).toEqual(['Найден 1 вопрос', 'Найдено 2 вопроса', 'Найдено 5 вопросов', 'Найден 21 вопрос', 'Найден 101 вопрос']);
    expect(say('Meeting.list.count')).toEqual(['1 встреча', '2 встречи', '5 встреч', '21 встреча', '101 встреча']);
    expect(say('Cli.check.foreignKeys', { example: 'issues → meetings' })[2]).toBe('  5 нарушенных ссылок между записями (например, issues → meetings)');
    expect(say('ReportDoc.unresolved.first', { all: 300 }).map((s) => s.split(';')[0])).toEqual([
      'Приведен первый 1 нерешенный вопрос из 300, начиная с самых ранних',
      'Приведены первые 2 нерешенных вопроса из 300, начиная с самых ранних',
      'Приведены первые 5 нерешенных вопросов из 300, начиная с самых ранних',
      'Приведен первый 21 нерешенный вопрос из 300, начиная с самых ранних',
      'Приведен первый 101 нерешенный вопрос из 300, начиная с самых ранних',
    ]);
  });
});
