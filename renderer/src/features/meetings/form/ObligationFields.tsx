import { useId } from 'react';
import { formatOfficialDate, formatUiDate } from '../../../format/dates';
import { useT } from '../../../i18n';
import { FieldRefusal } from '../../../components/TextField';
import { ariaOf, refusalOf, type SectionProps } from './fields';
import { obligationKey } from './useMeetingDraft';
import type { PreviewState } from './usePlanPreview';

/**
 * The obligation the meeting fulfils: pre-selected from the core's preview on every date change,
 * its legal window in the official date style, the preview's warnings, and the reason a
 * meeting outside every window must give.
 */
export function ObligationFields({ draft, set, register, refused, preview }: SectionProps & { preview: PreviewState }) {
  const { t, lng } = useT();
  const ids = { obligation: useId(), window: useId(), reason: useId(), reasonHint: useId() };
  const official = (iso: string) => formatOfficialDate(iso, lng);
  const range = (from: string, to: string) => t('Dates.range', { from: official(from), to: official(to) });
  const obligations = preview.preview?.obligations ?? [];
  const suggested = obligationKey(preview.preview?.suggested);
  const selected = obligations.find((o) => obligationKey(o) === draft.obligation) ?? null;
  const known = draft.obligation === '' || selected !== null;

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('Plan.sections.obligation')}</legend>
      <div className="field">
        <label htmlFor={ids.obligation}>{t('Plan.obligation')}</label>
        <select
          id={ids.obligation}
          ref={register('obligation')}
          value={draft.obligation}
          data-testid="plan-obligation"
          {...ariaOf(refused, 'obligation', selected ? ids.window : undefined)}
          aria-busy={preview.loading}
          onChange={(e) => set('obligation', e.target.value)}
        >
          {obligations.map((o) => {
            const key = obligationKey(o);
            // The short style keeps an option readable in a narrow select; the full window is shown below it.
            const text = t('Dates.range', { from: formatUiDate(o.windowStart, lng), to: formatUiDate(o.windowEnd, lng) });
            return (
              <option key={key} value={key}>
                {key === suggested ? t('Plan.suggestedOption', { range: text }) : text}
              </option>
            );
          })}
          {!known && <option value={draft.obligation}>{draft.obligation.split('|')[1]}</option>}
          <option value="">{t('Plan.noObligation')}</option>
        </select>
        <FieldRefusal of={refusalOf(refused, 'obligation')} testId="plan-obligation-error" />
        {selected && (
          <div id={ids.window} className="window-note" data-testid="plan-window">
            <span>{t('Plan.window', { range: range(selected.windowStart, selected.windowEnd) })}</span>
            <span className="muted">{t('Plan.covers', { range: range(selected.coversStart, selected.coversEnd) })}</span>
          </div>
        )}
      </div>
      {preview.preview?.warnings.map((code) => (
        <p key={code} className="message message--warning" role="status" data-testid={`plan-warning-${code}`}>
          {t(`Plan.warnings.${code}`)}
        </p>
      ))}
      {draft.obligation === '' && (
        <div className="field">
          <label htmlFor={ids.reason}>{t('Plan.reason')}</label>
          <textarea
            id={ids.reason}
            ref={register('reason')}
            rows={3}
            maxLength={2000}
            required
            aria-required="true"
            {...ariaOf(refused, 'reason', ids.reasonHint)}
            value={draft.reason}
            data-testid="plan-reason"
            onChange={(e) => set('reason', e.target.value)}
          />
          <FieldRefusal of={refusalOf(refused, 'reason')} testId="plan-reason-error" />
          <p id={ids.reasonHint} className="hint">
            {t('Plan.reasonHint')}
          </p>
        </div>
      )}
    </fieldset>
  );
}
