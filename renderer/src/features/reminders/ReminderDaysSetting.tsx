import { useId, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { useRemindersStore } from '../../stores/reminders.store';
import { errorOf } from '../../stores/result';

/** Settings: how many days before a window closes (with nothing held), or an issue's deadline, the bell reminds. */
export function ReminderDaysSetting() {
  const { t } = useT();
  const saved = useAppStore((s) => s.settings?.reminderDays ?? null);
  const setReminderDays = useAppStore((s) => s.setReminderDays);
  const reloadReminders = useRemindersStore((s) => s.load);
  const [days, setDays] = useState(saved === null ? '' : String(saved));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState(false);
  const id = useId();
  const hintId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const value = /^\d+$/.test(days.trim()) ? Number(days.trim()) : NaN;
    if (!(value >= 1 && value <= 90)) return setError({ code: 'validation', details: { fields: [t('Reminders.days')] } });
    setBusy(true);
    setError(null);
    const result = await setReminderDays(value);
    setBusy(false);
    setError(errorOf(result));
    if (result.ok) {
      setDone(true);
      await reloadReminders();
    }
  }

  return (
    <section className="card" aria-labelledby="settings-reminders">
      <h2 id="settings-reminders" className="section-title">
        {t('Reminders.settingsTitle')}
      </h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={id}>{t('Reminders.days')}</label>
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={1}
            max={90}
            className="input-narrow"
            aria-describedby={hintId}
            value={days}
            data-testid="settings-reminder-days"
            onChange={(e) => setDays(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy} data-testid="settings-reminder-save">
          {t('Reminders.save')}
        </button>
      </form>
      <p id={hintId} className="muted">
        {t('Reminders.daysHint')} {t('Reminders.issuesDaysHint')}
      </p>
      <ErrorMessage error={error} />
      {done && (
        <p className="message message--success" role="status">
          {t('Reminders.saved')}
        </p>
      )}
    </section>
  );
}
