import { describe, expect, it } from 'vitest';
import {
  answersByKey,
  closestTarget,
  invalidAnswers,
  nameSimilarity,
  unknownValues,
  withAnswers,
  type ValueTargets,
} from '../../../shared/domain/issues/import-values';
import { checkImportRows, importRulesFrom, nameKey, type ImportCell } from '../../../shared/domain/issues/legacy-import';

const cell = (text: string): ImportCell => ({ text, date: null, number: null });
const rowsOf = (values: ReadonlyArray<readonly string[]>) => values.map((cells, i) => ({ row: i + 2, cells: cells.map(cell) }));

const CATEGORIES = [
  { id: 'roads', code: 'roads', nameKk: 'Жолдар мен көпірлер', nameRu: 'Дороги и мосты', archived: false },
  { id: 'education', code: 'education', nameKk: 'Білім беру (мектеп, балабақша)', nameRu: 'Образование (школы, детсады)', archived: false },
  { id: 'old', code: null, nameKk: 'Ескі санат', nameRu: 'Старая категория', archived: true },
];
const STATUSES = [
  { id: 'new', code: 'new', nameKk: 'Тіркелді', nameRu: 'Зарегистрирован', archived: false, closed: false, outcome: null },
  { id: 'done', code: 'done', nameKk: 'Орындалды', nameRu: 'Исполнено', archived: false, closed: true, outcome: 'satisfied' },
];
const BODIES = [{ id: 'b1', nameKk: 'Әкім аппараты', nameRu: 'Аппарат акима', archived: false }];
const PLACES = [
  { kato: '103230100', kind: 'settlement', nameKk: 'Қараауыл а.', nameRu: 'с.Карааул', inUnit: true },
  { kato: '103245100', kind: 'settlement', nameKk: 'Медеу а.', nameRu: 'с.Медеу', inUnit: true },
];
const rules = importRulesFrom({ today: '2025-06-15', categories: CATEGORIES, statuses: STATUSES, bodies: BODIES, places: PLACES, existing: () => null });
const target = ({ id, nameKk, nameRu }: { id: string; nameKk: string; nameRu: string }) => ({ id, nameKk, nameRu });
const TARGETS: ValueTargets = {
  body: BODIES.map(target),
  category: CATEGORIES.filter((c) => !c.archived).map(target),
  status: STATUSES.map(target),
  locality: PLACES.map((p) => ({ id: p.kato, nameKk: p.nameKk, nameRu: p.nameRu })),
};
const MAPPING = { raisedOn: 0, text: 1, category: 2, body: 3, status: 4, locality: 5 };

describe('the values of a legacy log that no entry matches', () => {
  it('groups a value however it is written (case, spaces, ё, Kazakh letters), counts its rows, and skips what resolves', () => {
    const values = unknownValues(
      rowsOf([
        ['2025-01-10', 'а', 'Дороги', 'Отдел образования', 'Выполнен', 'Карауыл'],
        ['2025-01-11', 'б', 'дороги', 'отдел   ОБРАЗОВАНИЯ', 'Исполнено', 'с.Карааул'],
        ['2025-01-12', 'в', 'Дороги и мосты', 'Аппарат акима', 'выполнен', 'Қарауыл'],
        ['2025-01-13', 'г', 'Жолдар', 'Акимат', '', ''],
        ['2025-01-14', 'д', 'Старая категория', 'акимат', '', 'Медеу'],
      ]),
      MAPPING,
      rules,
      TARGETS,
    );
    expect(values.map((v) => [v.field, v.value, v.rows, v.problem])).toEqual([
      ['body', 'Отдел образования', 2, 'unknown'],
      ['body', 'Акимат', 2, 'unknown'],
      ['category', 'Дороги', 2, 'unknown'],
      ['category', 'Жолдар', 1, 'unknown'],
      // An archived entry cannot be chosen anew: its name is unknown to a new issue.
      ['category', 'Старая категория', 1, 'unknown'],
      ['status', 'Выполнен', 2, 'unknown'],
      // "Карауыл" and "Қарауыл" fold to one value.
      ['locality', 'Карауыл', 2, 'unknown'],
    ]);
    expect(values.find((v) => v.value === 'Дороги')!.key).toBe(nameKey('ДОРОГИ'));
  });

  it('lists nothing for a column that is not mapped, or empty cells', () => {
    const rows = rowsOf([['2025-01-10', 'а', '', 'Отдел образования']]);
    expect(unknownValues(rows, { raisedOn: 0, text: 1, category: 2 }, rules, TARGETS)).toEqual([]);
  });

  it('guesses an entry only when it is close and alone at that closeness', () => {
    const cases: Array<[Parameters<typeof closestTarget>[0], string, string | null]> = [
      ['category', 'Дороги и мост', 'roads'], // a letter missing
      ['category', 'Дороги', 'roads'], // a word of the name
      ['category', 'Образование', 'education'],
      ['category', 'Жолдар', 'roads'], // the Kazakh name
      ['category', 'Газ', null],
      ['category', 'Благоустройство', null],
      ['body', 'Аппарат акима сельского округа', 'b1'],
      ['body', 'Акимат', 'b1'], // the stem of "акима"
      ['body', 'Отдел ЖКХ', null],
      ['status', 'Исполнен', 'done'],
      ['status', 'В работе', null],
      ['locality', 'Карауыл', '103230100'], // a vowel less, no "с."
      ['locality', 'село Медеу', '103245100'],
      ['locality', 'Жидебай', null],
    ];
    for (const [field, value, guess] of cases) expect(closestTarget(field, value, TARGETS[field]), `${field}: ${value}`).toBe(guess);
    const twins = [
      { id: 'a', nameKk: 'Отдел образования', nameRu: 'Отдел образования' },
      { id: 'b', nameKk: 'Отдел образования района', nameRu: 'Отдел образования района' },
    ];
    expect(closestTarget('body', 'Отдел образования района', twins)).toBe('b');
    expect(closestTarget('body', 'отдел образован', [twins[0]!, { ...twins[0]!, id: 'c' }])).toBeNull();
  });

  it('measures closeness between 0 and 1, the same both ways', () => {
    expect(nameSimilarity('дороги', 'дороги')).toBe(1);
    expect(nameSimilarity('', 'дороги')).toBe(0);
    expect(nameSimilarity('газ', 'вода')).toBeLessThan(0.2);
    expect(nameSimilarity('дороги и мост', 'дороги и мосты')).toBeCloseTo(nameSimilarity('дороги и мосты', 'дороги и мост'));
  });
});

describe('the answers folded into the rules', () => {
  const rows = rowsOf([
    ['2025-01-10', 'Ремонт дороги', 'Дороги', 'Отдел образования', 'Выполнен', 'Карауыл'],
    ['2025-01-11', 'Ремонт школы', 'ДОРОГИ', 'Акимат', '', ''],
  ]);

  it('an answered value resolves as answered; one left unanswered still fails', () => {
    const answers = answersByKey([
      { field: 'category', value: 'дороги', to: { kind: 'existing', id: 'roads' } },
      { field: 'body', value: 'Отдел образования', to: { kind: 'create' } },
      { field: 'status', value: 'Выполнен', to: { kind: 'existing', id: 'done' } },
      { field: 'locality', value: 'Карауыл', to: { kind: 'empty' } },
    ]);
    const made: string[] = [];
    const checks = checkImportRows(rows, MAPPING, withAnswers(rules, answers, (field, key) => (made.push(`${field}:${key}`), `new-${field}`)));
    expect(checks[0]!.draft).toMatchObject({ categoryId: 'roads', bodyId: 'new-body', statusId: 'done', localityKato: null });
    expect(checks[1]!.draft).toBeNull();
    expect(checks[1]!.problems).toEqual([{ field: 'body', code: 'unknown', value: 'Акимат' }]);
    expect(made).toEqual(['body:отдел образования']);
  });

  it('an answer naming an entry that cannot be chosen is pointed out by its index', () => {
    expect(
      invalidAnswers(
        [
          { field: 'category', value: 'Дороги', to: { kind: 'existing', id: 'roads' } },
          { field: 'category', value: 'Старое', to: { kind: 'existing', id: 'old' } },
          { field: 'locality', value: 'Карауыл', to: { kind: 'existing', id: '113833000' } },
          { field: 'body', value: 'Отдел', to: { kind: 'create' } },
        ],
        TARGETS,
      ),
    ).toEqual([1, 2]);
  });
});
