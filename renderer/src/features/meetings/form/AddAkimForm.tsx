import { useEffect, useId, useRef, useState } from 'react';
import type { Akim } from '../../../../../shared/contract/types';
import type { IsoDate } from '../../../../../shared/domain/dates';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n';
import { useAkimsStore } from '../../../stores/akims.store';
import { PositionFields } from '../../../components/PositionFields';

/**
 * Adds an akim to the unit: full name, position and term. A group of fields inside the meeting
 * form (not a nested <form>): Enter in a field saves the akim, not the meeting.
 */
export function AddAkimForm({ unitKato, defaultFrom, onDone }: { unitKato: string; defaultFrom: IsoDate; onDone: (akim: Akim | null) => void }) {
  const { t } = useT();
  const save = useAkimsStore((s) => s.save);
  const ids = { name: useId(), from: useId(), to: useId(), title: useId() };
  const [fullName, setFullName] = useState('');
  const [position, setPosition] = useState({ positionKk: '', positionRu: '' });
  const [termFrom, setTermFrom] = useState<string>(defaultFrom);
  const [termTo, setTermTo] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => nameRef.current?.focus(), []);

  async function submit() {
    if (!fullName.trim()) {
      setError({ code: 'validation', details: { fields: [t('Plan.akimName')] } });
      nameRef.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    const result = await save({ unitKato, fullName: fullName.trim(), positionKk: position.positionKk.trim(), positionRu: position.positionRu.trim(), termFrom, termTo: termTo || null });
    setSaving(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  }

  return (
    <div
      className="subform"
      role="group"
      aria-labelledby={ids.title}
      data-testid="akim-form"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <h3 id={ids.title} className="subsection-title">
        {t('Plan.akimAddTitle')}
      </h3>
      <div className="field">
        <label htmlFor={ids.name}>{t('Plan.akimName')}</label>
        <input id={ids.name} ref={nameRef} maxLength={200} value={fullName} data-testid="akim-name" onChange={(e) => setFullName(e.target.value)} />
      </div>
      <PositionFields value={position} onChange={setPosition} testId="akim-position" labelled />
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.from}>{t('Plan.akimTermFrom')}</label>
          <input id={ids.from} type="date" value={termFrom} data-testid="akim-from" onChange={(e) => setTermFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('Plan.akimTermTo')}</label>
          <input id={ids.to} type="date" value={termTo} data-testid="akim-to" onChange={(e) => setTermTo(e.target.value)} />
        </div>
      </div>
      <ErrorMessage error={error} testId="akim-error" />
      <div className="form-actions">
        <button type="button" className="button button--small" disabled={saving || !termFrom} data-testid="akim-save" onClick={() => void submit()}>
          {saving ? t('Record.saving') : t('Plan.akimSave')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={() => onDone(null)}>
          {t('Plan.akimCancel')}
        </button>
      </div>
    </div>
  );
}
