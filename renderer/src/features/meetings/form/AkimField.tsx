import { useEffect, useId, useRef, useState } from 'react';
import type { Akim } from '../../../../../shared/contract/types';
import type { IsoDate } from '../../../../../shared/domain/dates';
import { formatUiDate } from '../../../format/dates';
import { useT } from '../../../i18n';
import { useAkimsStore } from '../../../stores/akims.store';
import { AddAkimForm } from './AddAkimForm';
import { FieldRefusal } from '../../../components/TextField';
import { ariaOf, refusalOf, type SectionProps } from './fields';

const NONE: readonly Akim[] = [];

/** The akim in office on a day (a unit has one at a time; the core refuses overlapping terms). */
export function akimInOffice(akims: readonly Akim[], date: IsoDate): Akim | null {
  return akims.find((a) => a.termFrom <= date && (a.termTo === null || date <= a.termTo)) ?? null;
}

/**
 * The akim who reports: the unit's akims, the one in office on the date pre-selected until the
 * planner picks one; a small form adds an akim who is not recorded yet.
 */
export function AkimField({ draft, set, register, refused }: SectionProps) {
  const { t, lng } = useT();
  const id = useId();
  const akims = useAkimsStore((s) => s.byUnit[draft.unitKato] ?? NONE);
  const load = useAkimsStore((s) => s.load);
  const [adding, setAdding] = useState(false);
  // An akim already chosen (editing a meeting) is the planner's choice: the date does not change it.
  const touched = useRef(draft.akimId !== '');

  useEffect(() => {
    if (draft.unitKato) void load(draft.unitKato);
  }, [draft.unitKato, load]);

  const inOffice = akimInOffice(akims, draft.date);
  useEffect(() => {
    // Only a change of the akim in office re-selects; `set` writes the same field every time.
    if (!touched.current) set('akimId', inOffice?.id ?? '');
  }, [inOffice?.id]);

  const term = (a: Akim) =>
    a.termTo ? t('Dates.range', { from: formatUiDate(a.termFrom, lng), to: formatUiDate(a.termTo, lng) }) : t('Plan.akimSince', { date: formatUiDate(a.termFrom, lng) });

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('Plan.sections.akim')}</legend>
      <div className="field">
        <label htmlFor={id}>{t('Plan.akim')}</label>
        <select
          id={id}
          ref={register('akim')}
          value={draft.akimId}
          disabled={!draft.unitKato}
          {...ariaOf(refused, 'akim')}
          data-testid="plan-akim"
          onChange={(e) => {
            touched.current = true;
            set('akimId', e.target.value);
          }}
        >
          <option value="">{akims.length === 0 ? t('Plan.akimNoneRecorded') : t('Plan.akimNone')}</option>
          {akims.map((a) => (
            <option key={a.id} value={a.id}>
              {t('Plan.akimOption', { name: a.fullName, term: term(a) })}
            </option>
          ))}
        </select>
        <FieldRefusal of={refusalOf(refused, 'akim')} testId="plan-akim-error" />
        {draft.unitKato && !inOffice && akims.length > 0 && <p className="hint">{t('Plan.akimNoneOnDate')}</p>}
      </div>
      {adding ? (
        <AddAkimForm
          unitKato={draft.unitKato}
          onDone={(akim) => {
            setAdding(false);
            if (akim) {
              touched.current = true;
              set('akimId', akim.id);
            }
          }}
        />
      ) : (
        <button
          type="button"
          className="button button--quiet button--small align-start"
          disabled={!draft.unitKato}
          data-testid="plan-akim-add"
          onClick={() => setAdding(true)}
        >
          {t('Plan.akimAdd')}
        </button>
      )}
    </fieldset>
  );
}
