import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAIL_SECURITY, type MailSecurity, type MailSettings } from '../../../../shared/contract/mail.contract';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, invalidFields, TextField } from '../../components/TextField';
import { useT } from '../../i18n';
import { useMailStore, type SaveMailSettings } from '../../stores/mail.store';

/** The form's fields in the order they appear: the first one an error names gets the cursor. */
const FIELDS = ['host', 'port', 'security', 'user', 'password', 'from', 'defaultRecipient'] as const;
type Field = (typeof FIELDS)[number];

/** The port each security setting usually goes with: switching one moves an untouched port along. */
const USUAL_PORT: Record<MailSecurity, string> = { tls: '465', starttls: '587', none: '25' };

interface Draft {
  host: string;
  port: string;
  security: MailSecurity;
  user: string;
  /** Typed now; empty keeps the saved one (if any). */
  password: string;
  /** "Forget the password" pressed: saving removes the saved one. */
  forget: boolean;
  from: string;
  defaultRecipient: string;
  acceptSelfSigned: boolean;
}

function draftOf(settings: MailSettings | null): Draft {
  if (!settings) return { host: '', port: USUAL_PORT.starttls, security: 'starttls', user: '', password: '', forget: false, from: '', defaultRecipient: '', acceptSelfSigned: false };
  return { ...settings, port: String(settings.port), password: '', forget: false, defaultRecipient: settings.defaultRecipient ?? '' };
}

/** What Save sends. The core checks every field; a port that is not a number is its to refuse, by name. */
function inputOf(draft: Draft): SaveMailSettings {
  const port = /^\s*\d+\s*$/.test(draft.port) ? Number(draft.port) : Number.NaN;
  const recipient = draft.defaultRecipient.trim();
  const input: SaveMailSettings = {
    host: draft.host,
    port,
    security: draft.security,
    user: draft.user.trim(),
    from: draft.from,
    defaultRecipient: recipient === '' ? null : recipient,
    acceptSelfSigned: draft.acceptSelfSigned,
  };
  if (draft.forget) input.password = null;
  else if (draft.password !== '') input.password = draft.password;
  return input;
}

/**
 * Settings → E-mail (SMTP): the server the outbox sends packages through (issue 11, part 3).
 * The password is sent to the core and never comes back: the form only learns whether one is saved.
 */
export function MailSettingsSection() {
  const { t } = useT();
  const settings = useMailStore((s) => s.settings);
  const loadError = useMailStore((s) => s.settingsError);
  const load = useMailStore((s) => s.loadSettings);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card mail-settings" aria-labelledby="settings-mail" data-testid="mail-settings">
      <h2 id="settings-mail" className="section-title">
        {t('MailSettings.title')}
      </h2>
      <p className="muted">{t('MailSettings.intro')}</p>
      {settings === undefined ? (
        loadError ? <ErrorMessage error={loadError} /> : <p className="muted">{t('MailSettings.loading')}</p>
      ) : (
        <MailSettingsForm settings={settings} />
      )}
    </section>
  );
}

function MailSettingsForm({ settings: first }: { settings: MailSettings | null }) {
  const { t } = useT();
  const save = useMailStore((s) => s.saveSettings);
  const requested = useMailStore((s) => s.settingsRequested);
  const requestSettings = useMailStore((s) => s.requestSettings);
  const [saved, setSaved] = useState(first);
  const [draft, setDraft] = useState(() => draftOf(first));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const base = useId();
  const idOf = (name: string) => `${base}-${name}`;
  const invalid = invalidFields(error);

  // Sent here from the E-mail screen ("Set up e-mail"): Settings is a long page.
  useEffect(() => {
    if (!requested) return;
    requestSettings(false);
    const section = form.current?.closest('section');
    if (section && typeof section.scrollIntoView === 'function') section.scrollIntoView({ block: 'start' });
    focusField('host');
  }, [requested]);

  function focusField(name: Field) {
    const el = name === 'security' ? form.current?.querySelector<HTMLElement>('input[name="mail-security"]:checked') : document.getElementById(idOf(name));
    el?.focus();
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDone(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  function setSecurity(security: MailSecurity) {
    setDone(false);
    setDraft((d) => ({ ...d, security, port: d.port.trim() === USUAL_PORT[d.security] || d.port.trim() === '' ? USUAL_PORT[security] : d.port }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(false);
    const result = await save(inputOf(draft));
    setBusy(false);
    if (result.ok) {
      setSaved(result.value);
      setDraft((d) => ({ ...d, password: '', forget: false }));
      setDone(true);
      return;
    }
    setError(result.error);
    const wrong = invalidFields(result.error);
    const firstWrong = FIELDS.find((f) => wrong.has(f));
    if (firstWrong) focusField(firstWrong);
  }

  const errorOf = (name: Field) => (invalid.has(name) ? t(`MailSettings.errors.${name}`) : null);
  /** The text fields, each with its label, hint (where it has one) and the core's refusal under it. */
  const field = (name: 'host' | 'port' | 'user' | 'from' | 'defaultRecipient', testId: string, options: { hint?: boolean; type?: 'email'; numeric?: boolean } = {}) => (
    <TextField
      id={idOf(name)}
      label={t(`MailSettings.${name}`)}
      value={draft[name]}
      onChange={(v) => set(name, v)}
      testId={testId}
      hint={options.hint ? t(`MailSettings.${name}Hint`) : undefined}
      error={errorOf(name)}
      errorTestId={`mail-error-${name}`}
      {...(options.type ? { type: options.type } : {})}
      {...(options.numeric ? { inputMode: 'numeric' as const } : {})}
    />
  );
  /** The summary beside Save names the fields by their labels, as the app's other forms do. */
  const named = FIELDS.filter((f) => invalid.has(f));
  const summary: ErrorPayload | null =
    named.length > 0 ? { code: 'validation', details: { fields: named.map((f) => t(f === 'security' ? 'MailSettings.security.label' : `MailSettings.${f}`)) } } : error;

  return (
    <form ref={form} className="form mail-form" noValidate onSubmit={(e) => void submit(e)} data-testid="mail-settings-form">
      <div className="mail-row mail-row--server">
        {field('host', 'mail-host', { hint: true })}
        {field('port', 'mail-port', { numeric: true })}
      </div>

      <fieldset className="mail-security" aria-invalid={invalid.has('security') || undefined} aria-describedby={invalid.has('security') ? idOf('security-error') : undefined}>
        <legend className="field-label">{t('MailSettings.security.label')}</legend>
        <div className="mail-security-options">
          {MAIL_SECURITY.map((s) => (
            <label key={s} className="choice mail-security-option">
              <input
                type="radio"
                name="mail-security"
                value={s}
                checked={draft.security === s}
                aria-describedby={idOf(`security-${s}-hint`)}
                data-testid={`mail-security-${s}`}
                onChange={() => setSecurity(s)}
              />
              <span>
                <span className="mail-security-name">{t(`MailSettings.security.${s}`)}</span>
                <span id={idOf(`security-${s}-hint`)} className="mail-security-hint">
                  {t(`MailSettings.security.${s}Hint`)}
                </span>
              </span>
            </label>
          ))}
        </div>
        {invalid.has('security') && (
          <FieldError id={idOf('security-error')} testId="mail-error-security">
            {t('MailSettings.errors.security')}
          </FieldError>
        )}
      </fieldset>

      <div className="field-row">
        {field('user', 'mail-user', { hint: true })}
        <TextField
          id={idOf('password')}
          label={t('MailSettings.password')}
          type="password"
          autoComplete="new-password"
          value={draft.password}
          disabled={draft.forget}
          onChange={(v) => set('password', v)}
          testId="mail-password"
          hint={saved?.hasPassword ? <PasswordState forget={draft.forget} onForget={() => setDraft((d) => ({ ...d, password: '', forget: true }))} onKeep={() => set('forget', false)} /> : undefined}
          error={errorOf('password')}
          errorTestId="mail-error-password"
        />
      </div>

      <div className="field-row">
        {field('from', 'mail-from', { type: 'email' })}
        {field('defaultRecipient', 'mail-default-recipient', { hint: true, type: 'email' })}
      </div>

      <div className="mail-self-signed">
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.acceptSelfSigned}
            aria-describedby={idOf('self-signed-hint')}
            data-testid="mail-accept-self-signed"
            onChange={(e) => set('acceptSelfSigned', e.target.checked)}
          />
          {t('MailSettings.acceptSelfSigned')}
        </label>
        <p id={idOf('self-signed-hint')} className={draft.acceptSelfSigned ? 'message message--warning' : 'hint'} data-testid="mail-self-signed-warning">
          {t('MailSettings.acceptSelfSignedHint')}
        </p>
      </div>

      <div className="form-actions mail-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="mail-save">
          {busy ? t('MailSettings.saving') : t('MailSettings.save')}
        </button>
        {done && (
          <p className="message message--success" role="status" data-testid="mail-saved">
            {t('MailSettings.saved')}
          </p>
        )}
      </div>
      <ErrorMessage error={summary} testId="mail-error" />
    </form>
  );
}

/** A password is saved: say so, and offer to forget it (on Save), or to keep it after all. */
function PasswordState({ forget, onForget, onKeep }: { forget: boolean; onForget: () => void; onKeep: () => void }) {
  const { t } = useT();
  return (
    <span className="mail-password-state">
      {forget ? (
        <>
          <span className="mail-password-note--forget" data-testid="mail-password-will-forget">
            {t('MailSettings.passwordWillForget')}
          </span>
          <button type="button" className="button button--small button--quiet" data-testid="mail-password-keep" onClick={onKeep}>
            {t('MailSettings.passwordKeep')}
          </button>
        </>
      ) : (
        <>
          <span data-testid="mail-password-saved">{t('MailSettings.passwordSaved')}</span>
          <button type="button" className="button button--small button--quiet" data-testid="mail-password-forget" onClick={onForget}>
            {t('MailSettings.passwordForget')}
          </button>
        </>
      )}
    </span>
  );
}
