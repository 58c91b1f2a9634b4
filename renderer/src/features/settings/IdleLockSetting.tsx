import { useId, useState, type FormEvent } from 'react';
import { MAX_IDLE_MINUTES } from '../../../../shared/domain/operators/roles';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n';
import { useAuthStore } from '../../stores/auth.store';
import { useOperatorsStore } from '../../stores/operators.store';

/** The idle lock's minutes (0: never); the core refuses what is not a whole number in range. */
export function IdleLockSetting() {
  const { t } = useT();
  const current = useAuthStore((s) => s.state?.idleMinutes ?? null);
  const setIdleMinutes = useOperatorsStore((s) => s.setIdleMinutes);
  const [text, setText] = useState(() => (current === null ? '' : String(current)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const base = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    const minutes = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
    const result = await setIdleMinutes(minutes);
    setBusy(false);
    if (result.ok) {
      setSaved(result.value.idleMinutes);
      setText(String(result.value.idleMinutes));
    } else setError(result.error);
  }

  return (
    <section className="operators-subsection idle-lock" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} className="subsection-title">
        {t('Operators.idle.title')}
      </h3>
      <form className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="idle-lock-form">
        <div className="idle-lock-row">
          <TextField
            id={`${base}-minutes`}
            label={t('Operators.idle.label')}
            value={text}
            inputMode="numeric"
            type="number"
            min={0}
            max={MAX_IDLE_MINUTES}
            onChange={(v) => {
              setSaved(null);
              setText(v);
            }}
            testId="idle-minutes"
            hint={t('Operators.idle.hint')}
          />
          <button type="submit" className="button" disabled={busy} data-testid="idle-save">
            {t('Operators.idle.save')}
          </button>
        </div>
        {saved !== null && (
          <p className="message message--success" role="status" data-testid="idle-saved">
            {saved === 0 ? t('Operators.idle.savedNever') : t('Operators.idle.saved', { minutes: saved })}
          </p>
        )}
        <ErrorMessage error={error} testId="idle-error" />
      </form>
    </section>
  );
}
