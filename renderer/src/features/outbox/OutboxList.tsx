import { useId, useState } from 'react';
import type { OutboxItem } from '../../../../shared/contract/mail.contract';
import type { ErrorPayload } from '../../../../shared/errors';
import { megabytesRoundedUp } from '../../../../shared/format/size';
import { ErrorMessage, useErrorText } from '../../components/ErrorMessage';
import { formatDecimal } from '../../format/numbers';
import { useT } from '../../i18n';
import { useMailStore } from '../../stores/mail.store';
import { instantText, soonText } from './instant';
import { usePermitted } from '../../hooks/usePermitted';

type Notice = { kind: 'retried' | 'cancelled'; item: OutboxItem } | { kind: 'error'; error: ErrorPayload } | null;

/** The outbox, newest first: each message and what became of it, with Retry and Cancel where they apply. */
export function OutboxList() {
  const { t } = useT();
  const outbox = useMailStore((s) => s.outbox);
  const loadError = useMailStore((s) => s.outboxError);
  const retry = useMailStore((s) => s.retry);
  const cancel = useMailStore((s) => s.cancel);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const hintId = useId();

  async function act(item: OutboxItem, action: 'retry' | 'cancel') {
    setBusyId(item.id);
    setNotice(null);
    const result = action === 'retry' ? await retry(item.id) : await cancel(item.id);
    setBusyId(null);
    setConfirming(null);
    setNotice(result.ok ? { kind: action === 'retry' ? 'retried' : 'cancelled', item } : { kind: 'error', error: result.error });
  }

  return (
    <section className="card outbox-list" aria-labelledby="outbox-list-title" aria-describedby={hintId} data-testid="outbox-list">
      <div className="outbox-list-head">
        <h2 id="outbox-list-title" className="section-title">
          {t('Outbox.list.title')}
        </h2>
        <p id={hintId} className="hint">
          {t('Outbox.list.hint')}
        </p>
      </div>
      <div className="outbox-notice" role="status" data-testid="outbox-notice">
        {notice && notice.kind !== 'error' && (
          <p className="message message--success">{t(`Outbox.${notice.kind}`, { to: notice.item.recipient, fileName: notice.item.packageFileName })}</p>
        )}
      </div>
      <ErrorMessage error={notice?.kind === 'error' ? notice.error : loadError} testId="outbox-error" />
      {outbox === null ? (
        !loadError && <p className="muted">{t('Outbox.list.loading')}</p>
      ) : outbox.length === 0 ? (
        <p className="muted" data-testid="outbox-empty">
          {t('Outbox.list.empty')}
        </p>
      ) : (
        <ul className="outbox-items" aria-labelledby="outbox-list-title">
          {outbox.map((item) => (
            <OutboxEntry
              key={item.id}
              item={item}
              busy={busyId === item.id}
              confirming={confirming === item.id}
              onRetry={() => void act(item, 'retry')}
              onCancel={() => setConfirming(item.id)}
              onConfirmCancel={() => void act(item, 'cancel')}
              onKeep={() => setConfirming(null)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface EntryProps {
  item: OutboxItem;
  busy: boolean;
  confirming: boolean;
  onRetry: () => void;
  onCancel: () => void;
  onConfirmCancel: () => void;
  onKeep: () => void;
}

/** One message: to whom, which package, how big, since when, and what became of it. */
function OutboxEntry({ item, busy, confirming, onRetry, onCancel, onConfirmCancel, onKeep }: EntryProps) {
  const { t, lng } = useT();
  // Retry: a message waiting (now, or after a failure); Cancel: the same, while nothing is on its way.
  const canSend = usePermitted('exchange.send');
  const canAct = canSend && (item.status === 'queued' || item.status === 'failed');
  const names = { to: item.recipient, fileName: item.packageFileName };
  return (
    <li className={`outbox-item outbox-item--${item.status}`} data-testid={`outbox-item-${item.id}`} data-status={item.status}>
      <div className="outbox-item-main">
        <div className="outbox-item-head">
          <span className="outbox-item-to">{item.recipient}</span>
          <span className={`outbox-status outbox-status--${item.status}`} data-testid={`outbox-status-${item.id}`}>
            {t(`Outbox.status.${item.status}`)}
          </span>
        </div>
        <div className="outbox-item-meta">
          <span className="outbox-file" data-testid={`outbox-file-${item.id}`}>
            {item.packageFileName}
          </span>
          <span data-testid={`outbox-size-${item.id}`}>{t('Outbox.list.megabytes', { size: formatDecimal(megabytesRoundedUp(item.bytes), lng) })}</span>
          <span data-testid={`outbox-created-${item.id}`}>{t('Outbox.list.createdAt', { date: instantText(t, item.createdAt, lng) })}</span>
        </div>
        <OutboxState item={item} />
      </div>
      {canAct && (
        <div className="outbox-item-actions">
          {confirming ? (
            <div className="inline-confirm" role="group" aria-label={t('Outbox.cancelConfirm')}>
              <span className="inline-confirm-text">{t('Outbox.cancelConfirm')}</span>
              <button type="button" className="button button--danger button--small" disabled={busy} data-testid={`outbox-cancel-yes-${item.id}`} onClick={onConfirmCancel}>
                {t('Outbox.cancelYes')}
              </button>
              <button type="button" className="button button--small" autoFocus data-testid={`outbox-cancel-no-${item.id}`} onClick={onKeep}>
                {t('Outbox.cancelNo')}
              </button>
            </div>
          ) : (
            <>
              <button type="button" className="button button--small" disabled={busy} aria-label={t('Outbox.retryLabel', names)} data-testid={`outbox-retry-${item.id}`} onClick={onRetry}>
                {t('Outbox.retry')}
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                disabled={busy}
                aria-label={t('Outbox.cancelLabel', names)}
                data-testid={`outbox-cancel-${item.id}`}
                onClick={onCancel}
              >
                {t('Outbox.cancel')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

/** The status's details: when, how often, why, and the server's word. */
function OutboxState({ item }: { item: OutboxItem }) {
  const { t, lng } = useT();
  const errorText = useErrorText();
  const attempts = item.attempts > 0 && <span className="outbox-detail">{t('Outbox.detail.attempts', { count: item.attempts })}</span>;
  const reason = (label: string) =>
    item.lastError && (
      <span className="outbox-reason" data-testid={`outbox-reason-${item.id}`}>
        <span className="outbox-reason-label">{label}</span> {errorText(item.lastError)}
      </span>
    );

  switch (item.status) {
    case 'queued':
      return (
        <div className="outbox-state">
          <span className="outbox-detail" data-testid={`outbox-next-${item.id}`}>
            {item.nextAttemptAt === null ? t('Outbox.detail.asap') : t('Outbox.detail.nextAttempt', { time: soonText(t, item.nextAttemptAt, Date.now(), lng) })}
          </span>
          {attempts}
          {reason(t('Outbox.detail.lastError'))}
        </div>
      );
    case 'sending':
      return (
        <div className="outbox-state">
          <span className="outbox-detail">{t('Outbox.detail.sending')}</span>
        </div>
      );
    case 'sent':
      return (
        <div className="outbox-state">
          {item.sentAt !== null && (
            <span className="outbox-detail" data-testid={`outbox-sent-at-${item.id}`}>
              {t('Outbox.detail.sentAt', { date: instantText(t, item.sentAt, lng) })}
            </span>
          )}
          {item.serverResponse && (
            <span className="outbox-detail" data-testid={`outbox-response-${item.id}`}>
              {t('Outbox.detail.response')} <code className="outbox-response">{item.serverResponse}</code>
            </span>
          )}
        </div>
      );
    case 'failed':
      return (
        <div className="outbox-state">
          {attempts}
          {reason(t('Outbox.detail.reason'))}
          <span className="outbox-detail">{t('Outbox.detail.gaveUp')}</span>
        </div>
      );
  }
}
