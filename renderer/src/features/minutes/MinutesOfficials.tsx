import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Meeting } from '../../../../shared/contract/types';
import { canApply } from '../../../../shared/domain/meetings/meeting';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n';
import { useMeetingsStore } from '../../stores/meetings.store';
import { officialRows, officialsToSave, OfficialRows, OfficialsList, type OfficialRow } from '../../components/OfficialRows';

type Notice = 'saved' | 'reloaded' | null;

/**
 * The officials present, recorded while the minutes are written: the list with the decree's
 * marks and, while the meeting's status allows it (setOfficials) and the minutes are not final,
 * an editor saved through the same meeting action as the card's.
 */
export function MinutesOfficials({ meeting, readOnly }: { meeting: Meeting; readOnly: boolean }) {
  const { t } = useT();
  const titleId = useId();
  const act = useMeetingsStore((s) => s.act);
  const [rows, setRows] = useState<OfficialRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const section = useRef<HTMLElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  // Focus follows the editor: into its first field when it opens, back to "Edit" when it closes.
  const [focusTo, setFocusTo] = useState<'editor' | 'button' | null>(null);
  const editable = !readOnly && canApply('setOfficials', meeting.status);
  const editing = editable && rows !== null;

  useEffect(() => {
    if (focusTo === 'editor') section.current?.querySelector<HTMLElement>('[data-testid="official-0-name"]')?.focus();
    if (focusTo === 'button') editButton.current?.focus();
    setFocusTo(null);
  }, [focusTo]);

  function startEditing() {
    setRows(officialRows(meeting.officials));
    setError(null);
    setNotice(null);
    setFocusTo('editor');
  }

  function stopEditing(next: Notice) {
    setRows(null);
    setNotice(next);
    setFocusTo('button');
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!rows || busy) return;
    const officials = officialsToSave(rows);
    if (!officials) return setError({ code: 'validation', details: { fields: [t('Meeting.officials.name')] } });
    setBusy(true);
    setError(null);
    const result = await act('setOfficials', { id: meeting.id, revision: meeting.revision, officials });
    setBusy(false);
    if (result.ok) return stopEditing('saved');
    setError(result.error);
    // As in the card: a change made elsewhere wins, the fresh list is shown and can be edited again.
    if (result.error.code === 'conflict') stopEditing(result.reloaded ? 'reloaded' : null);
  }

  return (
    <section ref={section} className="minutes-officials form-section" aria-labelledby={titleId} data-testid="minutes-officials">
      <h3 id={titleId} className="form-section-title">
        {t('Minutes.officials.title')}
      </h3>
      {meeting.officials.length > 0 ? (
        <OfficialsList officials={meeting.officials} />
      ) : (
        <p className="muted" data-testid="minutes-officials-none">
          {t('Minutes.officials.none')}
        </p>
      )}
      {notice === 'saved' && (
        <p className="message message--success" role="status" data-testid="minutes-officials-saved">
          {t('Meeting.done.setOfficials')}
        </p>
      )}
      <ErrorMessage error={error} testId="minutes-officials-error" />
      {notice === 'reloaded' && <p className="hint">{t('Meeting.reloaded')}</p>}
      {editing ? (
        <form className="subform" aria-labelledby={titleId} noValidate data-testid="minutes-officials-form" onSubmit={(e) => void save(e)}>
          <OfficialRows rows={rows} onChange={setRows} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy} data-testid="officials-save">
              {busy ? t('Record.saving') : t('Meeting.officials.save')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="officials-cancel"
              onClick={() => {
                setError(null);
                stopEditing(null);
              }}
            >
              {t('Plan.cancel')}
            </button>
          </div>
        </form>
      ) : (
        editable && (
          <button ref={editButton} type="button" className="button button--small align-start" data-testid="officials-edit" onClick={startEditing}>
            {t('Minutes.officials.edit')}
          </button>
        )
      )}
    </section>
  );
}
