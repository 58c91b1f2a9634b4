import { useId, useRef, useState } from 'react';
import type { ChannelInput } from '../../../../shared/contract/contract';
import type { IsoDate } from '../../../../shared/domain/dates';
import { OUTCOMES, suggestedOutcome, type Outcome } from '../../../../shared/domain/issues/issue';
import type { ErrorPayload } from '../../../../shared/errors';
import { useT } from '../../i18n';
import { ActionForm } from '../../components/ActionForm';
import { refName, type IssueNames } from '../../hooks/useIssueNames';
import { FieldRefusal } from '../../components/TextField';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { fieldLabel } from './field-errors';

export type StatusChange = ChannelInput<'issues:setStatus'>['change'];

interface Props {
  names: IssueNames;
  title: string;
  /** `issue-status` in the card, `issues-bulk` for a selection: each field is `<testId>-<field>`. */
  testId: string;
  /** The status now (one issue), offered first; null for a selection. */
  current: string | null;
  today: IsoDate;
  busy: boolean;
  error: ErrorPayload | null;
  onSubmit: (change: StatusChange) => void;
  onCancel: () => void;
}

/**
 * A change of status: the new one, its date, comment and document; closing also asks the
 * outcome, which starts as the status suggests (suggestedOutcome: none for "forwarded", whose
 * outcome the user must choose before anything is sent).
 */
export function StatusChangeForm({ names, title, testId, current, today, busy, error, onSubmit, onCancel }: Props) {
  const { t, lng } = useT();
  const ids = { status: useId(), date: useId(), outcome: useId(), comment: useId(), document: useId() };
  const choices = names.statuses.filter((s) => !s.archived && s.id !== current);
  const [statusId, setStatusId] = useState(choices[0]?.id ?? '');
  const status = names.statusOf(statusId);
  const initial = (id: string) => {
    const s = names.statusOf(id);
    return (s ? suggestedOutcome(s) : null) ?? '';
  };
  const [outcome, setOutcome] = useState<Outcome | ''>(() => initial(statusId));
  const [unchosen, setUnchosen] = useState<ErrorPayload | null>(null);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const shown = unchosen ?? error;
  const invalid = useFieldErrors(shown, fieldsRef);
  const [date, setDate] = useState<string>(today);
  const [comment, setComment] = useState('');
  const [documentRef, setDocumentRef] = useState('');

  function pick(id: string) {
    setStatusId(id);
    setOutcome(initial(id));
    setUnchosen(null);
  }

  function submit() {
    if (status?.closed && outcome === '') {
      return setUnchosen({ code: 'validation', details: { fields: [fieldLabel(t, 'outcome')], reasons: { outcome: 'outcome_required' } } });
    }
    setUnchosen(null);
    onSubmit({ statusId, onDate: date, comment: comment.trim(), documentRef: documentRef.trim(), outcome: status?.closed && outcome !== '' ? outcome : null });
  }

  return (
    <ActionForm
      title={title}
      submitLabel={t('Issues.status.submit')}
      testId={testId}
      busy={busy}
      error={shown}
      onCancel={onCancel}
      onSubmit={submit}
    >
      <div ref={fieldsRef} className="subform-fields">
        <div className="field-row field-row--aligned field-row--date-last">
          <div className="field">
            <label htmlFor={ids.status}>{t('Issues.status.new')}</label>
            <select id={ids.status} value={statusId} data-testid={`${testId}-select`} onChange={(e) => pick(e.target.value)}>
              {choices.map((s) => (
                <option key={s.id} value={s.id}>
                  {refName(s, lng)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.date}>{t('Issues.status.date')}</label>
            <input id={ids.date} type="date" value={date} max={today} {...invalid.control('onDate')} data-testid={`${testId}-date`} onChange={(e) => setDate(e.target.value)} />
            <FieldRefusal of={invalid.of('onDate')} testId={`${testId}-date-error`} />
          </div>
        </div>
        {status?.closed && (
          <div className="field">
            <label htmlFor={ids.outcome}>{t('Issues.status.outcome')}</label>
            <select
              id={ids.outcome}
              value={outcome}
              {...invalid.control('outcome')}
              data-testid={`${testId}-outcome`}
              onChange={(e) => {
                setOutcome(e.target.value as Outcome);
                setUnchosen(null);
              }}
            >
              {outcome === '' && (
                <option value="" disabled>
                  {t('Issues.status.chooseOutcome')}
                </option>
              )}
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`Issues.outcome.${o}`)}
                </option>
              ))}
            </select>
            <FieldRefusal of={invalid.of('outcome')} testId={`${testId}-outcome-error`} />
            <p className="hint">{t('Issues.status.outcomeHint')}</p>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.comment}>{t('Issues.status.comment')}</label>
          <textarea id={ids.comment} value={comment} rows={2} data-testid={`${testId}-comment`} onChange={(e) => setComment(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.document}>{t('Issues.status.document')}</label>
          <input id={ids.document} value={documentRef} placeholder={t('Issues.status.documentHint')} data-testid={`${testId}-document`} onChange={(e) => setDocumentRef(e.target.value)} />
        </div>
      </div>
    </ActionForm>
  );
}
