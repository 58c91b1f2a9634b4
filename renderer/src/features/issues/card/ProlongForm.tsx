import { useId, useState } from 'react';
import type { Issue } from '../../../../../shared/contract/issues.contract';
import { addDays, isIsoDate, type IsoDate } from '../../../../../shared/domain/dates';
import type { ErrorPayload } from '../../../../../shared/errors';
import { formatUiDate } from '../../../format/dates';
import { useT } from '../../../i18n';
import { ActionForm } from '../../../components/ActionForm';
import { missing } from '../field-errors';

/** A new deadline with its reason; the card then shows how many times the deadline moved. */
export function ProlongForm({
  issue,
  today,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  issue: Issue;
  today: IsoDate;
  busy: boolean;
  error: ErrorPayload | null;
  onSubmit: (newDeadline: IsoDate, reason: string) => void;
  onCancel: () => void;
}) {
  const { t, lng } = useT();
  const ids = { date: useId(), reason: useId() };
  // A deadline still ahead moves later; an overdue one moves to today or after.
  const base = issue.deadline && issue.deadline >= today ? issue.deadline : today;
  const earliest = base === today ? today : addDays(base, 1);
  const [date, setDate] = useState<string>(addDays(base, 30));
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<ErrorPayload | null>(null);

  function submit() {
    setRefused(null);
    if (!isIsoDate(date)) return setRefused(missing(t, 'newDeadline'));
    if (reason.trim() === '') return setRefused(missing(t, 'reason'));
    onSubmit(date, reason.trim());
  }

  return (
    <ActionForm title={t('Issues.card.prolong')} submitLabel={t('Issues.prolong.submit')} testId="issue-prolong" busy={busy} error={refused ?? error} onCancel={onCancel} onSubmit={submit}>
      {issue.deadline && <p className="muted">{t('Issues.prolong.current', { date: formatUiDate(issue.deadline, lng) })}</p>}
      <div className="field">
        <label htmlFor={ids.date}>{t('Issues.fields.newDeadline')}</label>
        <input id={ids.date} type="date" value={date} min={earliest} data-testid="issue-prolong-date" onChange={(e) => setDate(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.reason}>{t('Issues.fields.reason')}</label>
        <textarea id={ids.reason} rows={2} value={reason} data-testid="issue-prolong-reason" onChange={(e) => setReason(e.target.value)} />
      </div>
    </ActionForm>
  );
}
