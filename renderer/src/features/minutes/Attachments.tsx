import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import type { Attachment } from '../../../../shared/contract/minutes.contract';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../../../shared/domain/minutes/minutes';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilePick } from '../../components/FilePick';
import { useT } from '../../i18n';
import { useReceived } from '../../hooks/useReceived';
import { useAttachmentsStore } from '../../stores/attachments.store';
import { readBase64 } from '../../read-file';
import { attempt } from '../../stores/result';

const NONE: Attachment[] = [];

function Thumbnail({ attachment }: { attachment: Attachment }) {
  const [src, setSrc] = useState<string | null>(null);
  const read = useAttachmentsStore((s) => s.read);
  useEffect(() => {
    let current = true;
    // A picture that cannot be read leaves its frame empty: the name beside it still says what it is.
    void read(attachment.id).then((r) => current && r.ok && setSrc(`data:${r.value.mime};base64,${r.value.dataBase64}`));
    return () => {
      current = false;
    };
  }, [attachment.id, read]);
  return src ? <img className="attachment-thumb" src={src} alt={attachment.fileName} /> : <span className="attachment-thumb attachment-thumb--empty" />;
}

/**
 * Photos, the signed scan, the presentation: added from files, listed with thumbnails, removed
 * with a confirm. Those of a received meeting are only listed (`readOnly`), as is any file
 * received from another installation.
 */
export function Attachments({ meetingId, readOnly }: { meetingId: string; readOnly: boolean }) {
  const { t } = useT();
  const inputId = useId();
  const kindId = useId();
  const list = useAttachmentsStore((s) => s.byMeeting[meetingId] ?? NONE);
  const { load, add, remove: removeAttachment } = useAttachmentsStore.getState();
  const received = useReceived();
  const [kind, setKind] = useState<AttachmentKind>('photo');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ErrorPayload[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  /** Files that were already attached: the core keeps one copy, the secretary is told. */
  const [duplicates, setDuplicates] = useState<Array<{ name: string; existing: string }>>([]);

  const reload = useCallback(async () => {
    const result = await load(meetingId);
    if (!result.ok) setErrors([result.error]);
  }, [meetingId, load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setBusy(true);
    const failed: ErrorPayload[] = [];
    const known = new Set(list.map((a) => a.id));
    const repeated: Array<{ name: string; existing: string }> = [];
    for (const file of files) {
      const data = await attempt(() => readBase64(file));
      const result = data.ok ? await add({ meetingId, fileName: file.name, kind, dataBase64: data.value }) : data;
      if (!result.ok) {
        failed.push(result.error);
        continue;
      }
      if (known.has(result.value.id)) repeated.push({ name: file.name, existing: result.value.fileName });
      known.add(result.value.id);
    }
    setErrors(failed);
    setDuplicates(repeated);
    setBusy(false);
    await reload();
  }

  async function remove(attachment: Attachment) {
    const result = await removeAttachment(attachment);
    if (!result.ok) return setErrors([result.error]);
    setConfirming(null);
    await reload();
  }

  return (
    <section className="form-section minutes-attachments" aria-labelledby={`${inputId}-title`}>
      <h3 className="form-section-title" id={`${inputId}-title`}>
        {t('Minutes.attachments.title')}
      </h3>
      {!readOnly && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={kindId}>{t('Minutes.attachments.kind')}</label>
            <select id={kindId} value={kind} data-testid="attachment-kind" onChange={(e) => setKind(e.target.value as AttachmentKind)}>
              {ATTACHMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`Minutes.attachments.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <span className="field-label">{t('Minutes.attachments.add')}</span>
            <FilePick id={inputId} label={t('Minutes.attachments.choose')} multiple disabled={busy} testId="attachment-input" onChange={(e) => void onFiles(e)} />
          </div>
        </div>
      )}
      {busy && <p className="hint">{t('Minutes.attachments.adding')}</p>}
      {duplicates.map((d) => (
        <p key={d.name} className="message message--warning" role="status" data-testid="attachment-duplicate">
          {t('Minutes.attachments.duplicate', d)}
        </p>
      ))}
      {errors.map((e, n) => (
        <ErrorMessage key={n} error={e} testId="attachment-error" />
      ))}
      {list.length === 0 ? (
        <p className="muted">{t('Minutes.attachments.none')}</p>
      ) : (
        <ul className="attachment-list">
          {list.map((a) => (
            <li key={a.id} className="attachment" data-testid={`attachment-${a.id}`}>
              {a.mime.startsWith('image/') ? <Thumbnail attachment={a} /> : <span className="attachment-thumb attachment-thumb--empty" />}
              <div className="attachment-meta">
                <span>{a.fileName}</span>
                <span className="muted">
                  {t(`Minutes.attachments.kinds.${a.kind}`)}
                  {' · '}
                  {t('Minutes.attachments.size', { size: Math.max(1, Math.round(a.size / 1024)) })}
                </span>
              </div>
              {readOnly || received(a) ? null : confirming === a.id ? (
                <span className="attachment-confirm" role="group">
                  <span>{t('Minutes.attachments.confirm', { name: a.fileName })}</span>
                  <button type="button" className="button button--small button--danger" data-testid={`attachment-${a.id}-confirm`} onClick={() => void remove(a)}>
                    {t('Minutes.attachments.remove')}
                  </button>
                  <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
                    {t('Minutes.attachments.keep')}
                  </button>
                </span>
              ) : (
                <button type="button" className="button button--quiet button--small" data-testid={`attachment-${a.id}-remove`} onClick={() => setConfirming(a.id)}>
                  {t('Minutes.attachments.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
