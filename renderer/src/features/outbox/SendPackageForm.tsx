import { useId, useRef, useState, type FormEvent } from 'react';
import type { MailSettings } from '../../../../shared/contract/mail.contract';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { invalidFields, TextField } from '../../components/TextField';
import { saveBase64File } from '../../download';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { useMailStore } from '../../stores/mail.store';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; action: 'queue' | 'eml' }
  | { kind: 'queued'; to: string; fileName: string }
  | { kind: 'saved'; fileName: string }
  | { kind: 'error'; error: ErrorPayload };

const FIELDS = ['path', 'to'] as const;

/**
 * A package to the level above: through the outbox (sent by Esep when the network is there) or
 * as an .eml file for the user's own mail program, which needs no settings at all.
 */
/** `settings` undefined: they could not be read, so queueing is offered and the core has the last word. */
export function SendPackageForm({ settings }: { settings: MailSettings | null | undefined }) {
  const { t } = useT();
  const queue = useMailStore((s) => s.queue);
  const eml = useMailStore((s) => s.eml);
  const requestSettings = useMailStore((s) => s.requestSettings);
  const navigate = useAppStore((s) => s.navigate);
  const [path, setPath] = useState('');
  const [to, setTo] = useState(settings?.defaultRecipient ?? '');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  // State is a render late for a second click in the same moment; this is not.
  const running = useRef(false);
  const base = useId();
  const idOf = (name: string) => `${base}-${name}`;
  const error = outcome.kind === 'error' ? outcome.error : null;
  const invalid = invalidFields(error);
  const busy = outcome.kind === 'busy';
  const configured = settings !== null;

  async function run(action: 'queue' | 'eml') {
    if (running.current) return;
    running.current = true;
    setOutcome({ kind: 'busy', action });
    const input = { path: path.trim(), to: to.trim() };
    if (action === 'queue') {
      const result = await queue(input);
      setOutcome(result.ok ? { kind: 'queued', to: result.value.recipient, fileName: result.value.packageFileName } : { kind: 'error', error: result.error });
      if (!result.ok) focusInvalid(result.error);
    } else {
      const result = await eml(input);
      if (result.ok) {
        saveBase64File(result.value.fileName, result.value.dataBase64, result.value.mime);
        setOutcome({ kind: 'saved', fileName: result.value.fileName });
      } else {
        setOutcome({ kind: 'error', error: result.error });
        focusInvalid(result.error);
      }
    }
    running.current = false;
  }

  function focusInvalid(failure: ErrorPayload) {
    const wrong = invalidFields(failure);
    const first = FIELDS.find((f) => wrong.has(f));
    if (first) document.getElementById(idOf(first))?.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(configured ? 'queue' : 'eml');
  }

  function setUp() {
    requestSettings(true);
    navigate('settings');
  }

  const named = FIELDS.filter((f) => invalid.has(f));
  const summary: ErrorPayload | null = named.length > 0 ? { code: 'validation', details: { fields: named.map((f) => t(`Outbox.send.${f}`)) } } : error;

  return (
    <section className="card outbox-send" aria-labelledby="outbox-send-title" data-testid="outbox-send">
      <h2 id="outbox-send-title" className="section-title">
        {t('Outbox.send.title')}
      </h2>
      {!configured && (
        <div className="message message--warning outbox-not-configured" data-testid="outbox-not-configured">
          <p>{t('Outbox.send.notConfigured')}</p>
          <button type="button" className="button button--small" data-testid="outbox-set-up" onClick={setUp}>
            {t('Outbox.send.setUp')}
          </button>
        </div>
      )}
      <form className="form outbox-form" noValidate onSubmit={submit} data-testid="outbox-send-form">
        <div className="outbox-fields">
          <TextField
            id={idOf('path')}
            label={t('Outbox.send.path')}
            value={path}
            onChange={setPath}
            testId="outbox-path"
            hint={t('Outbox.send.pathHint')}
            error={invalid.has('path') ? t('Outbox.send.errors.path') : null}
            errorTestId="outbox-error-path"
          />
          <TextField
            id={idOf('to')}
            label={t('Outbox.send.to')}
            type="email"
            value={to}
            onChange={setTo}
            testId="outbox-to"
            hint={t('Outbox.send.toHint')}
            error={invalid.has('to') ? t('Outbox.send.errors.to') : null}
            errorTestId="outbox-error-to"
          />
        </div>
        <div className="form-actions outbox-actions">
          {/* Without settings there is nothing to send with: the notice above says so, and .eml is the way. */}
          {configured && (
            <button type="button" className="button button--primary" disabled={busy} data-testid="outbox-queue" onClick={() => void run('queue')}>
              {outcome.kind === 'busy' && outcome.action === 'queue' ? t('Outbox.send.queueing') : t('Outbox.send.queue')}
            </button>
          )}
          <button
            type="button"
            className={configured ? 'button' : 'button button--primary'}
            disabled={busy}
            aria-describedby={idOf('eml-hint')}
            data-testid="outbox-eml"
            onClick={() => void run('eml')}
          >
            {outcome.kind === 'busy' && outcome.action === 'eml' ? t('Outbox.send.emlBusy') : t('Outbox.send.eml')}
          </button>
          <span id={idOf('eml-hint')} className="hint outbox-eml-hint">
            {t('Outbox.send.emlHint')}
          </span>
        </div>
        <div className="outbox-send-status" role="status" data-testid="outbox-send-status">
          {outcome.kind === 'queued' && <p className="message message--success">{t('Outbox.send.queued', { to: outcome.to, fileName: outcome.fileName })}</p>}
          {outcome.kind === 'saved' && <p className="message message--success">{t('Outbox.send.emlSaved', { fileName: outcome.fileName })}</p>}
        </div>
        <ErrorMessage error={summary} testId="outbox-send-error" />
      </form>
    </section>
  );
}
