import type { ReferenceField, UnknownValue, ValueAnswer, ValueChoice, ValueTargets } from '../../../../../shared/contract/issues-import.contract';
import { canCreate, REFERENCE_FIELDS } from '../../../../../shared/domain/issues/import-values';
import { unitName } from '../../../format/units';
import { useT } from '../../../i18n';

/** The user's answer for a value; `to` null: not answered yet. */
export interface Answer {
  field: ReferenceField;
  value: string;
  to: ValueChoice | null;
}

/** The answers by field and folded value (answerKey). */
export type Answers = ReadonlyMap<string, Answer>;

export const answerKey = (field: ReferenceField, key: string) => `${field}\u0000${key}`;

/** The answers the core is sent: those given. */
export function answerList(answers: Answers): ValueAnswer[] {
  return [...answers.values()].flatMap((a) => (a.to ? [{ field: a.field, value: a.value, to: a.to }] : []));
}

/**
 * The values of a check not answered yet, each answered with its guess when it has one (or
 * left unanswered, but known, so that a later check does not guess over the user's "—").
 */
export function withGuesses(answers: Answers, values: readonly UnknownValue[]): Map<string, Answer> {
  const next = new Map(answers);
  for (const v of values) {
    const slot = answerKey(v.field, v.key);
    if (!next.has(slot)) next.set(slot, { field: v.field, value: v.value, to: v.guess ? { kind: 'existing', id: v.guess } : null });
  }
  return next;
}

/** A choice as a <select> value: '' none, 'create', 'empty', or 'id:' and the entry's id. */
const encode = (c: ValueChoice | null) => (c === null ? '' : c.kind === 'existing' ? `id:${c.id}` : c.kind);
/** A new entry only for a name no entry has: one more of a name several share would not settle it. */
const creatable = (v: UnknownValue) => canCreate(v.field) && v.problem === 'unknown';

const decode = (s: string): ValueChoice | null =>
  s === '' ? null : s.startsWith('id:') ? { kind: 'existing', id: s.slice(3) } : s === 'create' ? { kind: 'create' } : { kind: 'empty' };

/**
 * The value-mapping step: per reference column, its values that no entry matches, how many rows
 * hold each, and a choice: an existing entry (the guess preselected), a new entry (bodies and
 * categories only; "create all" for the column), or an empty field.
 */
export function ValueMapping({ values, targets, answers, disabled, onAnswer }: {
  values: readonly UnknownValue[];
  targets: ValueTargets;
  answers: Answers;
  disabled: boolean;
  /** Answers changed: one value, or every value of a column at once. */
  onAnswer: (changes: ReadonlyArray<{ value: UnknownValue; to: ValueChoice | null }>) => void;
}) {
  const { t, lng } = useT();
  return (
    <section className="import-values-step" data-testid="import-values" aria-labelledby="import-values-title">
      <h3 className="subsection-title" id="import-values-title">
        {t('Import.valuesTitle')}
      </h3>
      <p className="hint">{t('Import.valuesHint')}</p>
      {REFERENCE_FIELDS.map((field) => {
        const list = values.filter((v) => v.field === field);
        if (list.length === 0) return null;
        const fieldName = t(`Import.fields.${field}`);
        const toCreate = list.filter(creatable);
        return (
          <div key={field} className="import-values" data-testid={`import-values-${field}`}>
            <div className="import-values-head">
              <h4 className="import-values-title">{t('Import.valuesColumn', { field: fieldName, count: list.length })}</h4>
              {toCreate.length > 0 && (
                <button
                  type="button"
                  className="button button--small"
                  data-testid={`import-create-all-${field}`}
                  disabled={disabled}
                  onClick={() => onAnswer(toCreate.map((value) => ({ value, to: { kind: 'create' } })))}
                >
                  {t('Import.createAll', { n: toCreate.length })}
                </button>
              )}
            </div>
            <table className="import-values-table">
              <thead>
                <tr>
                  <th scope="col">{t('Import.valueHeader')}</th>
                  <th scope="col" className="import-values-rows">
                    {t('Import.rowsHeader')}
                  </th>
                  <th scope="col">{t('Import.targetHeader')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((v, i) => {
                  const choice = answers.get(answerKey(field, v.key))?.to ?? null;
                  return (
                    <tr key={v.key} data-testid={`import-value-${field}-${i}`}>
                      <th scope="row" className="import-value-text">
                        {v.value}
                        {v.problem !== 'unknown' && <span className="import-value-problem muted">{t(`Import.valueProblems.${v.problem}`)}</span>}
                      </th>
                      <td className="import-values-rows">{t('Import.valueRows', { count: v.rows })}</td>
                      <td>
                        <select
                          aria-label={t('Import.valueLabel', { value: v.value, field: fieldName })}
                          data-testid={`import-value-select-${field}-${i}`}
                          className={choice === null ? 'import-value-select import-value-select--open' : 'import-value-select'}
                          value={encode(choice)}
                          disabled={disabled}
                          onChange={(e) => onAnswer([{ value: v, to: decode(e.target.value) }])}
                        >
                          <option value="">{t('Import.choose')}</option>
                          {creatable(v) && <option value="create">{t('Import.create')}</option>}
                          <option value="empty">{t('Import.empty')}</option>
                          {targets[field].length > 0 && (
                            <optgroup label={t('Import.existing')}>
                              {targets[field].map((x) => (
                                <option key={x.id} value={`id:${x.id}`}>
                                  {`${'\u2003'.repeat(Math.max(0, (x.depth ?? 1) - 1))}${unitName(x, lng)}`}
                                </option>
                              ))}
                            </optgroup>
                          )}
                        </select>
                        {choice?.kind === 'existing' && choice.id === v.guess && <span className="import-value-guess hint">{t('Import.guessed')}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
