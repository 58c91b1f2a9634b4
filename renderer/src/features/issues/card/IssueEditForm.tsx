import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Issue, IssueFields, IssueRow } from '../../../../../shared/contract/issues.contract';
import { RECEIVED_VIA, type IssueKind, type ReceivedVia } from '../../../../../shared/domain/issues/issue';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatUiDate } from '../../../format/dates';
import { useT } from '../../../i18n';
import { positionText } from '../../../components/PositionFields';
import { useIssuesStore } from '../../../stores/issues.store';
import { Choices, SelectField } from '../Choices';
import { FieldRefusal } from '../../../components/TextField';
import { useFieldErrors } from '../../../hooks/useFieldErrors';
import type { IssueNames } from '../../../hooks/useIssueNames';
import { bodyChoices, categoryChoices, kindChoices, localityChoices } from '../select-choices';

type Draft = { [K in keyof IssueFields]: IssueFields[K] };

const FIELD_KEYS: ReadonlyArray<keyof IssueFields> = [
  'kind', 'receivedVia', 'collective', 'text', 'categoryId', 'localityKato', 'answeredOnSpot', 'answer', 'bodyId', 'personId',
  'deadline', 'onControl', 'controller', 'eotinishNo', 'repeatsId',
];

function draftOf(issue: Issue): Draft {
  return Object.fromEntries(FIELD_KEYS.map((k) => [k, issue[k]])) as Draft;
}

/** Only what changed travels: the rest of the record stays exactly as the core has it. */
function changes(before: Draft, after: Draft): Partial<IssueFields> {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_KEYS) {
    const value = typeof after[k] === 'string' ? (after[k] as string).trim() : after[k];
    if (value !== before[k]) out[k] = value;
  }
  return out as Partial<IssueFields>;
}

/**
 * Every field of the issue, edited in place. The deadline moves by prolongation once set (so
 * its history is kept); a refused change shows why and leaves the issue as it was.
 */
export function IssueEditForm({
  issue,
  names,
  busy,
  error,
  onSave,
  onCancel,
}: {
  issue: Issue;
  names: IssueNames;
  busy: boolean;
  error: ErrorPayload | null;
  onSave: (fields: Partial<IssueFields>) => void;
  onCancel: () => void;
}) {
  const { t, lng } = useT();
  const id = (name: string) => `issue-edit-${name}`;
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(issue));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const formRef = useRef<HTMLFormElement>(null);
  const invalid = useFieldErrors(error, formRef);

  const none = t('Issues.none');
  const people = names.bodies.find((b) => b.id === draft.bodyId)?.people.filter((p) => !p.archived || p.id === issue.personId) ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) onSave(changes(draftOf(issue), draft));
  }

  return (
    <form ref={formRef} className="form issue-edit" aria-labelledby={formId} noValidate onSubmit={submit} data-testid="issue-edit-form">
      <h3 id={formId} className="subsection-title">
        {t('Issues.card.editTitle')}
      </h3>
      <div className="field-row">
        <SelectField label={t('Issues.fields.kind')} testId="issue-edit-kind" selectRef={first} value={draft.kind} onChange={(v) => set('kind', v as IssueKind)}>
          <Choices items={kindChoices(t)} />
        </SelectField>
        <SelectField label={t('Issues.fields.receivedVia')} testId="issue-edit-via" value={draft.receivedVia} onChange={(v) => set('receivedVia', v as ReceivedVia)}>
          <Choices items={RECEIVED_VIA.map((v) => ({ value: v, label: t(`Issues.receivedVia.${v}`) }))} />
        </SelectField>
      </div>
      <label className="choice">
        <input type="checkbox" checked={draft.collective} data-testid="issue-edit-collective" onChange={(e) => set('collective', e.target.checked)} />
        {t('Issues.fields.collective')}
      </label>
      <div className="field">
        <label htmlFor={id('text')}>{t('Issues.fields.text')}</label>
        <textarea id={id('text')} rows={4} value={draft.text} {...invalid.control('text')} data-testid="issue-edit-text" onChange={(e) => set('text', e.target.value)} />
        <FieldRefusal of={invalid.of('text')} testId="issue-edit-text-error" />
      </div>
      <div className="field-row">
        <SelectField label={t('Issues.fields.categoryId')} testId="issue-edit-category" error={invalid.of('categoryId')} value={draft.categoryId ?? ''} onChange={(v) => set('categoryId', v || null)}>
          <Choices items={categoryChoices(names, issue.categoryId)} empty={none} />
        </SelectField>
        <SelectField label={t('Issues.fields.localityKato')} testId="issue-edit-locality" error={invalid.of('localityKato')} value={draft.localityKato ?? ''} onChange={(v) => set('localityKato', v || null)}>
          <Choices items={localityChoices(names, issue.unitKato)} empty={none} />
        </SelectField>
      </div>
      <label className="choice">
        <input type="checkbox" checked={draft.answeredOnSpot} data-testid="issue-edit-answered" onChange={(e) => set('answeredOnSpot', e.target.checked)} />
        {t('Issues.fields.answeredOnSpot')}
      </label>
      {draft.answeredOnSpot && (
        <div className="field">
          <label htmlFor={id('answer')}>{t('Issues.fields.answer')}</label>
          <textarea id={id('answer')} rows={3} value={draft.answer} {...invalid.control('answer')} data-testid="issue-edit-answer" onChange={(e) => set('answer', e.target.value)} />
          <FieldRefusal of={invalid.of('answer')} testId="issue-edit-answer-error" />
        </div>
      )}
      <div className="field-row">
        <SelectField label={t('Issues.fields.bodyId')} testId="issue-edit-body" error={invalid.of('bodyId')} value={draft.bodyId ?? ''} onChange={(v) => setDraft((d) => ({ ...d, bodyId: v || null, personId: null }))}>
          <Choices items={bodyChoices(names, issue.bodyId)} empty={none} />
        </SelectField>
        <SelectField label={t('Issues.fields.personId')} testId="issue-edit-person" error={invalid.of('personId')} value={draft.personId ?? ''} disabled={people.length === 0} onChange={(v) => set('personId', v || null)}>
          <Choices items={people.map((p) => ({ value: p.id, label: [p.fullName, positionText(p, lng)].filter(Boolean).join(', ') }))} empty={none} />
        </SelectField>
      </div>
      <div className="field">
        <label htmlFor={id('deadline')}>{t('Issues.fields.deadline')}</label>
        {issue.deadline === null ? (
          <input id={id('deadline')} type="date" value={draft.deadline ?? ''} {...invalid.control('deadline')} data-testid="issue-edit-deadline" onChange={(e) => set('deadline', e.target.value || null)} />
        ) : (
          <p id={id('deadline')} className="muted">
            {t('Issues.card.deadlineByProlong', { date: formatUiDate(issue.deadline, lng) })}
          </p>
        )}
        <FieldRefusal of={invalid.of('deadline')} testId="issue-edit-deadline-error" />
      </div>
      <div className="field-row">
        <label className="choice">
          <input type="checkbox" checked={draft.onControl} data-testid="issue-edit-control" onChange={(e) => set('onControl', e.target.checked)} />
          {t('Issues.fields.onControl')}
        </label>
        {draft.onControl && (
          <div className="field">
            <label htmlFor={id('controller')}>{t('Issues.fields.controller')}</label>
            <input id={id('controller')} value={draft.controller} data-testid="issue-edit-controller" onChange={(e) => set('controller', e.target.value)} />
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={id('eotinish')}>{t('Issues.fields.eotinishNo')}</label>
        <input id={id('eotinish')} value={draft.eotinishNo} placeholder="ЖТ-2025-00000742" {...invalid.control('eotinishNo')} data-testid="issue-edit-eotinish" onChange={(e) => set('eotinishNo', e.target.value)} />
        <FieldRefusal of={invalid.of('eotinishNo')} testId="issue-edit-eotinish-error" />
      </div>
      <RepeatPicker issue={issue} value={draft.repeatsId} onChange={(v) => set('repeatsId', v)} />
      <ErrorMessage error={error} testId="issue-edit-error" />
      <div className="form-actions form-actions--sticky">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="issue-save">
          {busy ? t('Record.saving') : t('Issues.card.save')}
        </button>
        <button type="button" className="button" data-testid="issue-edit-cancel" onClick={onCancel}>
          {t('Plan.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The earlier issue this one repeats: found by words of its text among the unit's issues. */
function RepeatPicker({ issue, value, onChange }: { issue: Issue; value: string | null; onChange: (id: string | null) => void }) {
  const { t, lng } = useT();
  const find = useIssuesStore((s) => s.find);
  const repeated = useIssuesStore((s) => (value ? (s.byId[value] ?? null) : null));
  const loadIssue = useIssuesStore((s) => s.loadIssue);
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<IssueRow[]>([]);

  useEffect(() => {
    if (value && !useIssuesStore.getState().byId[value]) void loadIssue(value);
  }, [value, loadIssue]);

  useEffect(() => {
    if (query.trim().length < 2) return setFound([]);
    let current = true;
    const timer = setTimeout(() => {
      void find(query.trim(), issue.unitKato).then((r) => current && setFound(r.ok ? r.value.filter((row) => row.id !== issue.id) : []));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, find, issue.unitKato, issue.id]);

  return (
    <div className="field repeat-picker">
      <label htmlFor={inputId}>{t('Issues.fields.repeatsId')}</label>
      {value ? (
        <div className="inline-form">
          <span data-testid="issue-edit-repeats">
            {repeated ? t('Issues.card.repeats', { no: repeated.registryNo, date: formatUiDate(repeated.raisedOn, lng) }) : t('Issues.loading')}
          </span>
          <button type="button" className="button button--small button--quiet" data-testid="issue-edit-repeats-clear" onClick={() => onChange(null)}>
            {t('Issues.card.unlink')}
          </button>
        </div>
      ) : (
        <>
          <input id={inputId} type="search" value={query} placeholder={t('Issues.card.repeatsHint')} data-testid="issue-edit-repeats-search" onChange={(e) => setQuery(e.target.value)} />
          {found.length > 0 && (
            <ul className="plain-list repeat-choices">
              {found.map((row) => (
                <li key={row.id}>
                  <button type="button" className="link-button" data-testid={`issue-edit-repeats-${row.registryNo}`} onClick={() => onChange(row.id)}>
                    {t('Issues.card.repeatChoice', { no: row.registryNo, text: row.text })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
