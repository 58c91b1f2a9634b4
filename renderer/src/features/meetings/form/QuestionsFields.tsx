import { useId } from 'react';
import { QUESTION_CHANNELS } from '../../../../../shared/domain/meetings/meeting';
import { useT } from '../../../i18n';
import { FieldRefusal } from '../../../components/TextField';
import { ariaOf, refusalOf, type SectionProps } from './fields';

/** How the population's questions are collected before the meeting, and over which days. */
export function QuestionsFields({ draft, set, register, refused }: SectionProps) {
  const { t } = useT();
  const ids = { from: useId(), to: useId() };
  const toggle = (c: (typeof QUESTION_CHANNELS)[number]) =>
    set('questionsChannels', draft.questionsChannels.includes(c) ? draft.questionsChannels.filter((x) => x !== c) : [...draft.questionsChannels, c]);

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('Plan.sections.questions')}</legend>
      <div className="choice-grid">
        {QUESTION_CHANNELS.map((c) => (
          <label key={c} className="choice">
            <input type="checkbox" checked={draft.questionsChannels.includes(c)} data-testid={`plan-questions-${c}`} onChange={() => toggle(c)} />
            {t(`Meeting.questionChannel.${c}`)}
          </label>
        ))}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.from}>{t('Plan.questionsFrom')}</label>
          <input
            id={ids.from}
            ref={register('questionsFrom')}
            type="date"
            value={draft.questionsFrom}
            {...ariaOf(refused, 'questionsFrom')}
            data-testid="plan-questions-from"
            onChange={(e) => set('questionsFrom', e.target.value)}
          />
          <FieldRefusal of={refusalOf(refused, 'questionsFrom')} testId="plan-questions-from-error" />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('Plan.questionsTo')}</label>
          <input
            id={ids.to}
            ref={register('questionsTo')}
            type="date"
            value={draft.questionsTo}
            data-testid="plan-questions-to"
            onChange={(e) => set('questionsTo', e.target.value)}
          />
        </div>
      </div>
    </fieldset>
  );
}
