import { useEffect, useId, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { UnitSummary } from '../../../../shared/contract/types';
import { itemHasContent } from '../../../../shared/domain/minutes/gaps';
import { ISSUE_KINDS, type IssueKind, type MinutesBody } from '../../../../shared/domain/minutes/minutes';
import { Shortcuts } from '../../components/Kbd';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';
import { addItem, insertDecision, insertSpeech, removeDecision, removeItem, removeSpeech, setDecision, setItem, setSpeech } from './body-edits';
import { CarryOverItem } from './CarryOverItem';

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

interface Props {
  body: MinutesBody;
  localities: readonly UnitSummary[];
  edit: (change: (body: MinutesBody) => MinutesBody) => void;
  /** A field lost focus: a pending change is saved now. */
  onBlur: () => void;
  /** A field took focus (the app remembers where the secretary is typing). */
  onFocus?: (event: FocusEvent<HTMLDivElement>) => void;
}

/** The editor's shortcuts, shown on screen and in the buttons' tooltips. */
const KEYS = {
  next: ['Ctrl', 'Enter'],
  item: ['Alt', 'Shift', 'A'],
  decision: ['Alt', 'Shift', 'D'],
  issue: ['Ctrl', 'I'],
} as const;

const keysText = (keys: readonly string[]) => keys.join('+');

/** A button that adds a row, its shortcut in its tooltip and for screen readers. */
function AddButton({ label, keys, testId, onClick }: { label: string; keys: readonly string[]; testId: string; onClick: () => void }) {
  const { t } = useT();
  return (
    <button
      type="button"
      className="button button--small align-start"
      data-testid={testId}
      aria-keyshortcuts={keysText(keys)}
      title={t('Minutes.withShortcut', { action: label, keys: keysText(keys) })}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

/**
 * The live capture of the minutes, keyboard-first: Ctrl+Enter adds the next speaker or decision
 * of the current item (not from a speaker row still empty: that one is the next speaker),
 * Alt+Shift+A an agenda item, Alt+Shift+D a decision of the current item, Ctrl+I turns a speech
 * into a question. Focus moves into each new row.
 */
export function MinutesEditor({ body, localities, edit, onBlur, onFocus }: Props) {
  const { t, lng } = useT();
  const [focusId, setFocusId] = useState<string | null>(null);
  /** The agenda item whose deletion waits for a yes (it holds text). */
  const [confirmingItem, setConfirmingItem] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    const el = document.querySelector<HTMLElement>(`[data-testid="${focusId}"]`);
    if (el) {
      el.focus();
      setFocusId(null);
    }
  }, [focusId, body]);

  function newSpeechIn(i: number, after?: number) {
    edit((b) => {
      const [next, j] = insertSpeech(b, i, after);
      setFocusId(`speech-${i}-${j}-speaker`);
      return next;
    });
  }

  function newDecisionIn(i: number, after?: number) {
    edit((b) => {
      const [next, j] = insertDecision(b, i, after);
      setFocusId(`decision-${i}-${j}-text`);
      return next;
    });
  }

  function newItem() {
    edit((b) => {
      const [next, i] = addItem(b);
      setFocusId(`item-${i}-title`);
      return next;
    });
  }

  /** An item holding text is deleted only after a yes; focus goes to the item now in its place. */
  function deleteItem(i: number, confirmed: boolean) {
    if (!confirmed && itemHasContent(body, i)) {
      setConfirmingItem(body.items[i]?.id ?? null);
      setFocusId(`item-${i}-remove-confirm`);
      return;
    }
    setConfirmingItem(null);
    edit((b) => {
      const next = removeItem(b, i);
      setFocusId(next.items.length === 0 ? 'minutes-item-add' : `item-${Math.min(i, next.items.length - 1)}-title`);
      return next;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-row]');
    const itemEl = target.closest<HTMLElement>('[data-item]');
    const i = itemEl ? Number(itemEl.dataset['item']) : null;
    if (event.altKey && event.shiftKey && event.code === 'KeyA') {
      event.preventDefault();
      newItem();
    } else if (event.altKey && event.shiftKey && event.code === 'KeyD' && i !== null) {
      event.preventDefault();
      newDecisionIn(i);
    } else if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && i !== null) {
      event.preventDefault();
      const j = row ? Number(row.dataset['index']) : undefined;
      if (row?.dataset['row'] === 'decision') newDecisionIn(i, j);
      else if (row?.dataset['row'] === 'speech') {
        const speech = body.items[i]?.speeches[j!];
        // An empty speaker row is where the next speaker goes: another would be left empty too.
        if (speech && speech.speaker.trim() === '' && speech.gist.trim() === '') return;
        newSpeechIn(i, j);
      } else newSpeechIn(i);
    } else if ((event.ctrlKey || event.metaKey) && event.code === 'KeyI' && i !== null && row?.dataset['row'] === 'speech') {
      event.preventDefault();
      const j = Number(row.dataset['index']);
      edit((b) => {
        const speech = b.items[i]?.speeches[j];
        if (!speech) return b;
        return setSpeech(b, i, j, { issueKind: 'question', issueText: speech.issueText.trim() === '' ? speech.gist : speech.issueText });
      });
    }
  }

  const text = (value: string, onChange: (v: string) => void, testId?: string, multiline = false) => (id: string) =>
    multiline ? (
      <textarea id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)} rows={3} />
    ) : (
      <input id={id} type="text" value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)} />
    );

  return (
    <div className="minutes-editor form" data-testid="minutes-editor" onKeyDown={onKeyDown} onBlur={onBlur} onFocus={onFocus}>
      <div className="minutes-shortcuts" data-testid="minutes-shortcuts">
        <Shortcuts
          label={t('Minutes.shortcuts.title')}
          items={(['next', 'item', 'decision', 'issue'] as const).map((k) => ({ keys: KEYS[k], action: t(`Minutes.shortcuts.${k}`) }))}
        />
      </div>
      <fieldset className="form-section">
        <div className="field-row">
          <Field label={t('Minutes.fields.number')}>{text(body.number, (v) => edit((b) => ({ ...b, number: v })), 'minutes-number')}</Field>
          <Field label={t('Minutes.fields.date')}>
            {(id) => (
              <input id={id} type="date" value={body.date ?? ''} data-testid="minutes-date" onChange={(e) => edit((b) => ({ ...b, date: e.target.value || null }))} />
            )}
          </Field>
        </div>
        <Field label={t('Minutes.fields.place')}>{text(body.place, (v) => edit((b) => ({ ...b, place: v })), 'minutes-place')}</Field>
        <div className="field-row">
          <Field label={t('Minutes.fields.chair')}>{text(body.chair, (v) => edit((b) => ({ ...b, chair: v })), 'minutes-chair')}</Field>
          <Field label={t('Minutes.fields.secretary')}>{text(body.secretary, (v) => edit((b) => ({ ...b, secretary: v })), 'minutes-secretary')}</Field>
        </div>
        <Field label={t('Minutes.fields.presentCount')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              inputMode="numeric"
              value={body.presentCount ?? ''}
              data-testid="minutes-present-count"
              onChange={(e) => {
                const n = e.target.value === '' ? null : Math.max(0, Math.trunc(Number(e.target.value)));
                edit((b) => ({ ...b, presentCount: n === null || Number.isNaN(n) ? null : n }));
              }}
            />
          )}
        </Field>
        <Field label={t('Minutes.fields.presentList')}>{text(body.presentList, (v) => edit((b) => ({ ...b, presentList: v })), 'minutes-present-list', true)}</Field>
        <Field label={t('Minutes.fields.invited')}>
          {(id) => (
            <>
              {text(body.invited, (v) => edit((b) => ({ ...b, invited: v })), 'minutes-invited', true)(id)}
              <p className="hint">{t('Position.invitedHint', { section: t('Minutes.officials.title') })}</p>
            </>
          )}
        </Field>
      </fieldset>

      <h3 className="form-section-title">{t('Minutes.agenda')}</h3>
      <ol className="minutes-items">
        {body.items.map((item, i) => (
          <li key={item.id} className="minutes-item form-section" data-item={i} aria-label={t('Minutes.item', { n: i + 1 })}>
            <Field label={t('Minutes.item', { n: i + 1 })}>{text(item.title, (v) => edit((b) => setItem(b, i, { title: v })), `item-${i}-title`)}</Field>
            <Field label={t('Minutes.itemSpeaker')}>{text(item.speaker, (v) => edit((b) => setItem(b, i, { speaker: v })), `item-${i}-speaker`)}</Field>
            <Field label={t('Minutes.heard')}>{text(item.heard, (v) => edit((b) => setItem(b, i, { heard: v })), `item-${i}-heard`, true)}</Field>

            <h4 className="minutes-subtitle">{t('Minutes.spoke')}</h4>
            <ol className="minutes-rows">
              {item.speeches.map((s, j) => (
                <li key={s.id} className="minutes-row" data-row="speech" data-index={j} aria-label={t('Minutes.speech.label', { n: j + 1 })}>
                  <div className="field-row">
                    <Field label={t('Minutes.speech.speaker')}>{text(s.speaker, (v) => edit((b) => setSpeech(b, i, j, { speaker: v })), `speech-${i}-${j}-speaker`)}</Field>
                    <Field label={t('Minutes.speech.locality')}>
                      {(id) => (
                        <select
                          id={id}
                          value={s.localityKato ?? ''}
                          data-testid={`speech-${i}-${j}-locality`}
                          onChange={(e) => edit((b) => setSpeech(b, i, j, { localityKato: e.target.value || null }))}
                        >
                          <option value="">{t('Minutes.speech.localityNone')}</option>
                          {localities.map((u) => (
                            <option key={u.kato} value={u.kato}>
                              {unitName(u, lng)}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                  </div>
                  <Field label={t('Minutes.speech.gist')}>{text(s.gist, (v) => edit((b) => setSpeech(b, i, j, { gist: v })), `speech-${i}-${j}-gist`, true)}</Field>
                  <div className="field-row">
                    <Field label={t('Minutes.speech.issueKind')}>
                      {(id) => (
                        <select
                          id={id}
                          value={s.issueKind ?? ''}
                          data-testid={`speech-${i}-${j}-issue-kind`}
                          onChange={(e) => edit((b) => setSpeech(b, i, j, { issueKind: (e.target.value || null) as IssueKind | null }))}
                        >
                          <option value="">{t('Minutes.speech.issueNone')}</option>
                          {ISSUE_KINDS.map((k) => (
                            <option key={k} value={k}>
                              {t(`Minutes.issueKinds.${k}`)}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    {s.issueKind && (
                      <Field label={t('Minutes.speech.issueText')}>
                        {text(s.issueText, (v) => edit((b) => setSpeech(b, i, j, { issueText: v })), `speech-${i}-${j}-issue-text`)}
                      </Field>
                    )}
                  </div>
                  <button type="button" className="button button--quiet button--small align-start" tabIndex={-1} onClick={() => edit((b) => removeSpeech(b, i, j))}>
                    {t('Minutes.attachments.remove')}
                  </button>
                </li>
              ))}
            </ol>
            <AddButton label={t('Minutes.addSpeech')} keys={KEYS.next} testId={`speech-add-${i}`} onClick={() => newSpeechIn(i)} />

            <h4 className="minutes-subtitle">{t('Minutes.decided')}</h4>
            <ol className="minutes-rows">
              {item.decisions.map((d, j) => (
                <li key={d.id} className="minutes-row" data-row="decision" data-index={j} aria-label={t('Minutes.decision.label', { n: j + 1 })}>
                  <Field label={t('Minutes.decision.text')}>{text(d.text, (v) => edit((b) => setDecision(b, i, j, { text: v })), `decision-${i}-${j}-text`, true)}</Field>
                  <div className="field-row">
                    <Field label={t('Minutes.decision.responsible')}>
                      {text(d.responsible, (v) => edit((b) => setDecision(b, i, j, { responsible: v })), `decision-${i}-${j}-responsible`)}
                    </Field>
                    <Field label={t('Minutes.decision.deadline')}>
                      {(id) => (
                        <input
                          id={id}
                          type="date"
                          value={d.deadline ?? ''}
                          data-testid={`decision-${i}-${j}-deadline`}
                          onChange={(e) => edit((b) => setDecision(b, i, j, { deadline: e.target.value || null }))}
                        />
                      )}
                    </Field>
                  </div>
                  <button type="button" className="button button--quiet button--small align-start" tabIndex={-1} onClick={() => edit((b) => removeDecision(b, i, j))}>
                    {t('Minutes.attachments.remove')}
                  </button>
                </li>
              ))}
            </ol>
            <AddButton label={t('Minutes.addDecision')} keys={KEYS.decision} testId={`decision-add-${i}`} onClick={() => newDecisionIn(i)} />
            <div className="minutes-item-remove">
              {confirmingItem === item.id ? (
                <span className="attachment-confirm" role="group" data-testid={`item-${i}-remove-ask`}>
                  <span>{t('Minutes.removeItemConfirm', { n: i + 1 })}</span>
                  <button type="button" className="button button--small button--danger" data-testid={`item-${i}-remove-confirm`} onClick={() => deleteItem(i, true)}>
                    {t('Minutes.removeItem')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    data-testid={`item-${i}-remove-keep`}
                    onClick={() => {
                      setConfirmingItem(null);
                      setFocusId(`item-${i}-title`);
                    }}
                  >
                    {t('Minutes.removeItemKeep')}
                  </button>
                </span>
              ) : (
                <button type="button" className="button button--quiet button--small align-start" data-testid={`item-${i}-remove`} onClick={() => deleteItem(i, false)}>
                  {t('Minutes.removeItem')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      <AddButton label={t('Minutes.addItem')} keys={KEYS.item} testId="minutes-item-add" onClick={newItem} />
      <CarryOverItem edit={edit} />
    </div>
  );
}
