import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAIL_SECURITY, type MailSecurity, type MailSettings } from '../../../../shared/contract/mail.contract';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, invalidFields } from '../../components/FieldError';
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

  /** The props that tie an input to its hint and, when the core refused it, to the reason. */
  const described = (name: Field, hint: boolean) => {
    const ids = [hint ? idOf(`${name}-hint`) : null, invalid.has(name) ? idOf(`${name}-error`) : null].filter(Boolean);
    return { 'aria-invalid': invalid.has(name) || undefined, 'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined };
  };
  const fieldError = (name: Field) =>
    invalid.has(name) && (
      <FieldError id={idOf(`${name}-error`)} testId={`mail-error-${name}`}>
        {t(`MailSettings.errors.${name}`)}
      </FieldError>
    );
  /** The summary beside Save names the fields by their labels, as the app's other forms do. */
  const named = FIELDS.filter((f) => invalid.has(f));
  const summary: ErrorPayload | null =
    named.length > 0 ? { code: 'validation', details: { fields: named.map((f) => t(f === 'security' ? 'MailSettings.security.label' : `MailSettings.${f}`)) } } : error;

  return (
    <form ref={form} className="form mail-form" noValidate onSubmit={(e) => void submit(e)} data-testid="mail-settings-form">
      <div className="mail-row mail-row--server">
        <div className="field">
          <label htmlFor={idOf('host')}>{t('MailSettings.host')}</label>
          <input
            id={idOf('host')}
            value={draft.host}
            autoComplete="off"
            spellCheck={false}
            data-testid="mail-host"
            {...described('host', true)}
            onChange={(e) => set('host', e.target.value)}
          />
          <span id={idOf('host-hint')} className="hint">
            {t('MailSettings.hostHint')}
          </span>
          {fieldError('host')}
        </div>
        <div className="field">
          <label htmlFor={idOf('port')}>{t('MailSettings.port')}</label>
          <input id={idOf('port')} value={draft.port} inputMode="numeric" autoComplete="off" data-testid="mail-port" {...described('port', false)} onChange={(e) => set('port', e.target.value)} />
          {fieldError('port')}
        </div>
      </div>

      <fieldset className="mail-security" {...described('security', false)}>
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
        {fieldError('security')}
      </fieldset>

      <div className="field-row">
        <div className="field">
          <label htmlFor={idOf('user')}>{t('MailSettings.user')}</label>
          <input
            id={idOf('user')}
            value={draft.user}
            autoComplete="off"
            spellCheck={false}
            data-testid="mail-user"
            {...described('user', true)}
            onChange={(e) => set('user', e.target.value)}
          />
          <span id={idOf('user-hint')} className="hint">
            {t('MailSettings.userHint')}
          </span>
          {fieldError('user')}
        </div>
        <div className="field">
          <label htmlFor={idOf('password')}>{t('MailSettings.password')}</label>
          <input
            id={idOf('password')}
            type="password"
            value={draft.password}
            disabled={draft.forget}
            autoComplete="new-password"
            data-testid="mail-password"
            {...described('password', saved?.hasPassword ?? false)}
            onChange={(e) => set('password', e.target.value)}
          />
          {saved?.hasPassword && (
            <div id={idOf('password-hint')} className="mail-password-state">
              {draft.forget ? (
                <>
                  <span className="mail-password-note mail-password-note--forget" data-testid="mail-password-will-forget">
                    {t('MailSettings.passwordWillForget')}
                  </span>
                  <button type="button" className="button button--small button--quiet" data-testid="mail-password-keep" onClick={() => set('forget', false)}>
                    {t('MailSettings.passwordKeep')}
                  </button>
                </>
              ) : (
                <>
                  <span className="mail-password-note" data-testid="mail-password-saved">
                    {t('MailSettings.passwordSaved')}
                  </span>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    data-testid="mail-password-forget"
                    onClick={() => setDraft((d) => ({ ...d, password: '', forget: true }))}
                  >
                    {t('MailSettings.passwordForget')}
                  </button>
                </>
              )}
            </div>
          )}
          {fieldError('password')}
        </div>
      </div>

      <div className="field-row">
        <div className="field">
          <label htmlFor={idOf('from')}>{t('MailSettings.from')}</label>
          <input
            id={idOf('from')}
            type="email"
            value={draft.from}
            autoComplete="off"
            spellCheck={false}
            data-testid="mail-from"
            {...described('from', false)}
            onChange={(e) => set('from', e.target.value)}
          />
          {fieldError('from')}
        </div>
        <div className="field">
          <label htmlFor={idOf('defaultRecipient')}>{t('MailSettings.defaultRecipient')}</label>
          <input
            id={idOf('defaultRecipient')}
            type="email"
            value={draft.defaultRecipient}
            autoComplete="off"
            spellCheck={false}
            data-testid="mail-default-recipient"
            {...described('defaultRecipient', true)}
            onChange={(e) => set('defaultRecipient', e.target.value)}
          />
          <span id={idOf('defaultRecipient-hint')} className="hint">
            {t('MailSettings.defaultRecipientHint')}
          </span>
          {fieldError('defaultRecipient')}
        </div>
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
