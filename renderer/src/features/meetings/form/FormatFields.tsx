import { useId } from 'react';
import { MEETING_FORMATS } from '../../../../../shared/domain/meetings/meeting';
import { useT } from '../../../i18n';
import { FieldRefusal } from '../../../components/TextField';
import { ariaOf, refusalOf, type SectionProps } from './fields';
import { typedLinks } from './useMeetingDraft';

/** In person, online or hybrid, and the broadcast links (an online meeting without one is warned about). */
export function FormatFields({ draft, set, register, refused }: SectionProps) {
  const { t } = useT();
  const ids = { legend: useId(), links: useId() };
  const needsLink = draft.format !== 'in_person' && typedLinks(draft).length === 0;
  const setLink = (i: number, value: string) => set('links', draft.links.map((l, j) => (j === i ? value : l)));

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('Plan.sections.format')}</legend>
      <div className="choice-row" role="radiogroup" aria-label={t('Plan.format')}>
        {MEETING_FORMATS.map((f) => (
          <label key={f} className="choice">
            <input
              type="radio"
              name="meeting-format"
              value={f}
              checked={draft.format === f}
              data-testid={`plan-format-${f}`}
              onChange={() => set('format', f)}
            />
            {t(`Meeting.format.${f}`)}
          </label>
        ))}
      </div>
      <div className="field">
        <span id={ids.links} className="field-label">
          {t('Plan.links')}
        </span>
        <ul className="link-rows" aria-labelledby={ids.links}>
          {draft.links.map((link, i) => (
            <li key={i} className="link-row">
              <input
                type="url"
                inputMode="url"
                ref={i === 0 ? register('links') : undefined}
                aria-label={t('Plan.linkN', { n: i + 1 })}
                placeholder="https://"
                maxLength={500}
                value={link}
                {...(i === 0 ? ariaOf(refused, 'links') : {})}
                data-testid={`plan-link-${i}`}
                onChange={(e) => setLink(i, e.target.value)}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('Plan.linkRemove', { n: i + 1 })}
                title={t('Plan.linkRemove', { n: i + 1 })}
                data-testid={`plan-link-remove-${i}`}
                onClick={() => set('links', draft.links.length > 1 ? draft.links.filter((_, j) => j !== i) : [''])}
              >
                <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                  <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
        <FieldRefusal of={refusalOf(refused, 'links')} testId="plan-links-error" />
        {draft.links.length < 10 && (
          <button type="button" className="button button--quiet button--small align-start" data-testid="plan-link-add" onClick={() => set('links', [...draft.links, ''])}>
            {t('Plan.linkAdd')}
          </button>
        )}
      </div>
      {needsLink && (
        <p className="message message--warning" role="status" data-testid="plan-warning-no_link">
          {t('Plan.warnings.no_link')}
        </p>
      )}
    </fieldset>
  );
}
