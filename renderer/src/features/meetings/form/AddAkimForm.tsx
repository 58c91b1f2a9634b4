import { useEffect, useId, useRef, useState } from 'react';
import type { Akim } from '../../../../../shared/contract/types';
import type { ErrorPayload, FieldReason } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { FieldRefusal } from '../../../components/TextField';
import { useFieldErrors } from '../../../hooks/useFieldErrors';
import { useT } from '../../../i18n';
import { useAkimsStore } from '../../../stores/akims.store';
import { PositionFields } from '../../../components/PositionFields';

/** The subform's fields by their contract names, with their labels. */
const LABELS = { fullName: 'Plan.akimName', position: 'Plan.akimPosition', termFrom: 'Plan.akimTermFrom', termTo: 'Plan.akimTermTo' } as const;
type AkimField = keyof typeof LABELS;

/**
 * Adds an akim to the unit: full name, position and term. A group of fields inside the meeting
 * form (not a nested <form>): Enter in a field saves the akim, not the meeting. The term's start
 * is typed, never taken from the meeting's date: an akim's term rarely begins on a meeting day.
 */
export function AddAkimForm({ unitKato, onDone }: { unitKato: string; onDone: (akim: Akim | null) => void }) {
  const { t } = useT();
  const save = useAkimsStore((s) => s.save);
  const ids = { name: useId(), from: useId(), to: useId(), title: useId() };
  const [fullName, setFullName] = useState('');
  const [position, setPosition] = useState({ positionKk: '', positionRu: '' });
  const [termFrom, setTermFrom] = useState('');
  const [termTo, setTermTo] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const groupRef = useRef<HTMLDivElement>(null);
  const invalid = useFieldErrors(error, groupRef);

  useEffect(() => nameRef.current?.focus(), []);

  /** A refusal worded like the core's, the fields named by their labels. */
  const refused = (reasons: Partial<Record<AkimField, FieldReason>>): ErrorPayload => ({
    code: 'validation',
    details: { fields: Object.keys(reasons).map((f) => t(LABELS[f as AkimField])), reasons },
  });

  async function submit() {
    const empty: Partial<Record<AkimField, FieldReason>> = {};
    if (!fullName.trim()) empty.fullName = 'required';
    if (!termFrom) empty.termFrom = 'required';
    if (Object.keys(empty).length > 0) return setError(refused(empty));
    setSaving(true);
    setError(null);
    const result = await save({ unitKato, fullName: fullName.trim(), positionKk: position.positionKk.trim(), positionRu: position.positionRu.trim(), termFrom, termTo: termTo || null });
    setSaving(false);
    if (result.ok) return onDone(result.value);
    const fields = result.error.details?.['fields'];
    const named = result.error.code === 'validation' && Array.isArray(fields) ? fields.map(String).filter((f): f is AkimField => f in LABELS) : [];
    setError(named.length > 0 ? refused(Object.fromEntries(named.map((f) => [f, 'invalid']))) : result.error);
  }

  return (
    <div
      ref={groupRef}
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
        <input id={ids.name} ref={nameRef} maxLength={200} value={fullName} {...invalid.control('fullName')} data-testid="akim-name" onChange={(e) => setFullName(e.target.value)} />
        <FieldRefusal of={invalid.of('fullName')} testId="akim-name-error" />
      </div>
      <PositionFields value={position} onChange={setPosition} testId="akim-position" labelled />
      <div className="field-row field-row--aligned">
        <div className="field">
          <label htmlFor={ids.from}>{t('Plan.akimTermFrom')}</label>
          <input id={ids.from} type="date" value={termFrom} {...invalid.control('termFrom')} data-testid="akim-from" onChange={(e) => setTermFrom(e.target.value)} />
          <FieldRefusal of={invalid.of('termFrom')} testId="akim-from-error" />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('Plan.akimTermTo')}</label>
          <input id={ids.to} type="date" value={termTo} {...invalid.control('termTo')} data-testid="akim-to" onChange={(e) => setTermTo(e.target.value)} />
          <FieldRefusal of={invalid.of('termTo')} testId="akim-to-error" />
        </div>
      </div>
      <ErrorMessage error={error} testId="akim-error" />
      <div className="form-actions">
        <button type="button" className="button button--small" disabled={saving} data-testid="akim-save" onClick={() => void submit()}>
          {saving ? t('Record.saving') : t('Plan.akimSave')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={() => onDone(null)}>
          {t('Plan.akimCancel')}
        </button>
      </div>
    </div>
  );
}
