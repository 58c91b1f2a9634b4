import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { IssueAuthor, IssueFields } from '../../../../shared/contract/issues.contract';
import { isIsoDate } from '../../../../shared/domain/dates';
import { RECEIVED_VIA, type IssueKind, type ReceivedVia } from '../../../../shared/domain/issues/issue';
import type { ErrorPayload } from '../../../../shared/errors';
import { Shortcuts } from '../../components/Kbd';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatUiDate } from '../../format/dates';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { useIssuesStore } from '../../stores/issues.store';
import { meetingDate, useMeetingsStore } from '../../stores/meetings.store';
import { missing, withFieldLabels } from './field-errors';
import { FieldRefusal } from '../../components/TextField';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { usePermitted } from '../../hooks/usePermitted';
import { AuthorFields, authorOrNull, NO_AUTHOR } from './AuthorFields';
import { Choices, SelectField } from './Choices';
import type { IssueNames } from '../../hooks/useIssueNames';
import { bodyChoices, categoryChoices, kindChoices, localityChoices, unitChoices } from './select-choices';

interface Draft {
  unitKato: string;
  raisedOn: string;
  receivedVia: ReceivedVia;
  kind: IssueKind;
  text: string;
  categoryId: string;
  localityKato: string;
  bodyId: string;
  deadline: string;
  answeredOnSpot: boolean;
  answer: string;
  author: IssueAuthor;
}

/**
 * What the next issue starts from: its kind, unit, date and channel carry over; the locality and
 * the deadline only when the user asked (issues raised in a row are often about other villages,
 * and a deadline carried over silently is a wrong deadline).
 */
function next(d: Draft, keepPlace: boolean): Draft {
  const place = keepPlace ? {} : { localityKato: '', deadline: '' };
  return { ...d, ...place, text: '', categoryId: '', bodyId: '', answeredOnSpot: false, answer: '', author: NO_AUTHOR };
}

/**
 * Issues typed in a row, as they are raised at a meeting: the form stays open after each save,
 * Ctrl+Enter saves and starts the next one, and the cursor goes back to the text.
 */
export function IssueComposer({ names, onClose }: { names: IssueNames; onClose: () => void }) {
  const { t, lng } = useT();
  const today = useAppStore((s) => s.info?.today ?? '');
  const root = useAppStore((s) => s.settings?.workingRoot?.kato ?? '');
  const meetingId = useIssuesStore((s) => s.filter.meetingId ?? null);
  const create = useIssuesStore((s) => s.create);
  // A citizen's name and phone are the district's to keep: okrug staff record issues without them.
  const canWriteAuthor = usePermitted('personal.write');
  const meeting = useMeetingsStore((s) => (meetingId ? (s.byId[meetingId] ?? null) : null));
  const ids = {
    title: useId(), date: useId(), text: useId(), deadline: useId(), answer: useId(), keep: useId(),
  };
  const [draft, setDraft] = useState<Draft>({
    unitKato: root, raisedOn: today, receivedVia: 'oral', kind: 'question', text: '', categoryId: '', localityKato: '', bodyId: '',
    deadline: '', answeredOnSpot: false, answer: '', author: NO_AUTHOR,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState<number[]>([]);
  const [keepPlace, setKeepPlace] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const invalid = useFieldErrors(error, formRef);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => textRef.current?.focus(), [meetingId]);

  // From a meeting: its unit and its day; otherwise the secretary says where and when.
  const unitKato = meeting ? meeting.unitKato : draft.unitKato;
  const raisedOn = meeting ? (meetingDate(meeting) ?? today) : draft.raisedOn;
  const none = t('Issues.none');

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy || (meetingId !== null && !meeting)) return;
    setError(null);
    if (draft.text.trim() === '') return setError(missing(t, 'text'));
    if (!meeting && !isIsoDate(raisedOn)) return setError({ code: 'date_invalid', details: { date: raisedOn } });
    const fields: IssueFields = {
      kind: draft.kind,
      receivedVia: meeting ? 'oral' : draft.receivedVia,
      collective: false,
      text: draft.text.trim(),
      categoryId: draft.categoryId || null,
      localityKato: draft.localityKato || null,
      answeredOnSpot: draft.answeredOnSpot,
      answer: draft.answeredOnSpot ? draft.answer.trim() : '',
      bodyId: draft.bodyId || null,
      personId: null,
      deadline: draft.deadline || null,
      onControl: false,
      controller: '',
      eotinishNo: '',
      repeatsId: null,
    };
    const author = canWriteAuthor ? authorOrNull(draft.author) : null;
    setBusy(true);
    const result = await create({ unitKato, meetingId, raisedOn, fields, author });
    setBusy(false);
    if (!result.ok) return setError(withFieldLabels(t, result.error));
    setSaved((s) => [...s, result.value.registryNo]);
    setDraft((d) => next(d, keepPlace));
    textRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <form ref={formRef} className="issue-composer" aria-labelledby={ids.title} noValidate data-testid="issue-new" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <div className="issue-composer-head">
        <h2 id={ids.title} className="section-title">
          {meeting ? t('Issues.new.titleMeeting', { unit: names.unit(meeting.unitKato), date: formatUiDate(raisedOn, lng) }) : t('Issues.new.title')}
        </h2>
        <Shortcuts label={t('Issues.new.shortcuts')} items={[{ keys: ['Ctrl', 'Enter'], action: t('Issues.new.saveNext') }, { keys: ['Esc'], action: t('Issues.new.close') }]} />
      </div>
      {!meeting && (
        <div className="issue-composer-row">
          <SelectField label={t('Issues.fields.unitKato')} testId="issue-new-unit" value={draft.unitKato} onChange={(v) => setDraft((d) => ({ ...d, unitKato: v, localityKato: '' }))}>
            <Choices items={unitChoices(names)} />
          </SelectField>
          <div className="field">
            <label htmlFor={ids.date}>{t('Issues.fields.raisedOn')}</label>
            <input id={ids.date} type="date" value={draft.raisedOn} max={today} {...invalid.control('raisedOn')} data-testid="issue-new-date" onChange={(e) => set('raisedOn', e.target.value)} />
            <FieldRefusal of={invalid.of('raisedOn')} testId="issue-new-date-error" />
          </div>
          <SelectField label={t('Issues.fields.receivedVia')} testId="issue-new-via" value={draft.receivedVia} onChange={(v) => set('receivedVia', v as ReceivedVia)}>
            <Choices items={RECEIVED_VIA.map((v) => ({ value: v, label: t(`Issues.receivedVia.${v}`) }))} />
          </SelectField>
        </div>
      )}
      <div className="issue-composer-row">
        <SelectField label={t('Issues.fields.kind')} testId="issue-new-kind" value={draft.kind} onChange={(v) => set('kind', v as IssueKind)}>
          <Choices items={kindChoices(t)} />
        </SelectField>
        <SelectField label={t('Issues.fields.categoryId')} testId="issue-new-category" error={invalid.of('categoryId')} value={draft.categoryId} onChange={(v) => set('categoryId', v)}>
          <Choices items={categoryChoices(names)} empty={none} />
        </SelectField>
        <SelectField label={t('Issues.fields.localityKato')} testId="issue-new-locality" error={invalid.of('localityKato')} value={draft.localityKato} onChange={(v) => set('localityKato', v)}>
          <Choices items={localityChoices(names, unitKato)} empty={none} />
        </SelectField>
        <SelectField label={t('Issues.fields.bodyId')} testId="issue-new-body" error={invalid.of('bodyId')} value={draft.bodyId} onChange={(v) => set('bodyId', v)}>
          <Choices items={bodyChoices(names)} empty={none} />
        </SelectField>
        <div className="field">
          <label htmlFor={ids.deadline}>{t('Issues.fields.deadline')}</label>
          <input id={ids.deadline} type="date" value={draft.deadline} {...invalid.control('deadline')} data-testid="issue-new-deadline" onChange={(e) => set('deadline', e.target.value)} />
          <FieldRefusal of={invalid.of('deadline')} testId="issue-new-deadline-error" />
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.text}>{t('Issues.fields.text')}</label>
        <textarea
          id={ids.text}
          ref={textRef}
          rows={2}
          value={draft.text}
          {...invalid.control('text')}
          data-testid="issue-new-text"
          onChange={(e) => set('text', e.target.value)}
        />
        <FieldRefusal of={invalid.of('text')} testId="issue-new-text-error" />
      </div>
      <div className="issue-composer-row issue-composer-row--answer">
        <label className="choice">
          <input type="checkbox" checked={draft.answeredOnSpot} data-testid="issue-new-answered" onChange={(e) => set('answeredOnSpot', e.target.checked)} />
          {t('Issues.fields.answeredOnSpot')}
        </label>
        {draft.answeredOnSpot && (
          <div className="field">
            <label htmlFor={ids.answer}>{t('Issues.fields.answer')}</label>
            <textarea id={ids.answer} rows={2} value={draft.answer} {...invalid.control('answer')} data-testid="issue-new-answer" onChange={(e) => set('answer', e.target.value)} />
            <FieldRefusal of={invalid.of('answer')} testId="issue-new-answer-error" />
          </div>
        )}
      </div>
      {canWriteAuthor && (
        <fieldset className="issue-composer-row issue-composer-author">
          <legend className="field-label">{t('Issues.new.author')}</legend>
          <AuthorFields value={draft.author} testId="issue-new-author" onChange={(author) => set('author', author)} />
        </fieldset>
      )}
      <div className="issue-composer-keep">
        <label className="choice">
          <input type="checkbox" checked={keepPlace} aria-describedby={ids.keep} data-testid="issue-new-keep" onChange={(e) => setKeepPlace(e.target.checked)} />
          {t('Issues.new.keepPlace')}
        </label>
        <p id={ids.keep} className="hint">
          {meeting ? t('Issues.new.keepsMeeting') : t('Issues.new.keepsFree')}
        </p>
      </div>
      <ErrorMessage error={error} testId="issue-new-error" />
      <div className="form-actions issue-composer-actions">
        <button type="submit" className="button button--primary" disabled={busy || (meetingId !== null && !meeting)} data-testid="issue-new-save">
          {busy ? t('Record.saving') : t('Issues.new.save')}
        </button>
        <button type="button" className="button" data-testid="issue-new-close" onClick={onClose}>
          {t('Issues.new.close')}
        </button>
        <p className="muted issue-composer-saved" role="status" data-testid="issue-new-saved">
          {saved.length > 0 && t('Issues.new.saved', { count: saved.length, no: saved.at(-1) })}
        </p>
      </div>
    </form>
  );
}
