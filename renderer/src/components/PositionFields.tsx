import { useId } from 'react';
import { editPosition, positionIn, type Positions } from '../../../shared/domain/people/positions';
import type { UiLanguage } from '../../../shared/i18n';
import { useT } from '../i18n';

const LANGS = ['kk', 'ru'] as const;
const FIELD = { kk: 'positionKk', ru: 'positionRu' } as const;

/** A person's position as the screen shows it: in the UI's language, else the other (English reads the Russian). */
export function positionText(p: Positions, lng: UiLanguage): string {
  return positionIn(p, lng === 'kk' ? 'kk' : 'ru');
}

/**
 * A position in both languages, Kazakh then Russian; typing one fills the other from the table
 * of common positions until the user writes it (editPosition). `labelled` lays them out as a
 * form's fields, one under the other; otherwise as a compact pair with small labels (a row of a list). Both keep a
 * visible label: once filled, two bare inputs could not be told apart. Test ids are
 * `${testId}-kk` and `${testId}-ru`.
 */
export function PositionFields({ value, onChange, testId, labelled }: { value: Positions; onChange: (p: Positions) => void; testId: string; labelled?: boolean }) {
  const { t } = useT();
  const baseId = useId();
  const fields = LANGS.map((lang) => (
    <div className={labelled ? 'field' : 'position-field'} key={lang}>
      <label htmlFor={`${baseId}-${lang}`}>{t(`Position.${lang}`)}</label>
      <input
        id={`${baseId}-${lang}`}
        lang={lang}
        maxLength={300}
        value={value[FIELD[lang]]}
        data-testid={`${testId}-${lang}`}
        onChange={(e) => onChange(editPosition(value, lang, e.target.value))}
      />
    </div>
  ));
  // A form's fields one under the other: positions run long ("заместитель акима сельского округа").
  return labelled ? <>{fields}</> : <div className="position-pair">{fields}</div>;
}
