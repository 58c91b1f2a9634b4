import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import type { IssueRow } from '../../../../shared/contract/issues.contract';
import type { MinutesBody } from '../../../../shared/domain/minutes/minutes';
import { useT } from '../../i18n';
import { useMinutesStore } from '../../stores/minutes.store';
import { useCarryOver } from '../../hooks/useCarryOver';
import { useIssueNames, type IssueNames } from '../../hooks/useIssueNames';
import { addItem, setItem } from './body-edits';

const SHORTCUT = 'Alt+Shift+R';

/** "тіркеу № 12: Көше жарығы жоқ — Орындалуда, мерзімі өткен": one open issue on one line. */
function carryOverLine(issue: IssueRow, names: IssueNames, t: TFunction): string {
  const status = issue.overdue ? t('ActionPlan.carryOver.statusOverdue', { status: names.status(issue.statusId) }) : names.status(issue.statusId);
  return t('ActionPlan.carryOver.line', { number: issue.registryNo, text: issue.text.trim(), status });
}

/**
 * "Report on the issues raised last time" for the minutes of a unit's next meeting: a click, or
 * Alt+Shift+R anywhere in the minutes editor, offers the open issues as a checklist (all
 * chosen); the chosen ones are listed in what was heard of a new agenda item, and the cursor
 * goes to its title. Offered while there are open issues and no such item yet.
 */
export function CarryOverItem({ edit }: { edit: (change: (body: MinutesBody) => MinutesBody) => void }) {
  const { t } = useT();
  const names = useIssueNames();
  const meetingId = useMinutesStore((s) => s.meetingId);
  const body = useMinutesStore((s) => s.body);
  const { issues } = useCarryOver(meetingId ?? '');
  const [focusItem, setFocusItem] = useState<number | null>(null);
  /** The ids chosen in the open checklist; null while it is closed. */
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const [focusList, setFocusList] = useState(false);
  const title = t('ActionPlan.carryOver.itemTitle');
  const present = body?.items.some((i) => i.title.trim() === title) ?? false;
  const offered = issues !== null && issues.length > 0 && !present;

  function choose() {
    if (!issues || issues.length === 0) return;
    setChosen(new Set(issues.map((i) => i.id)));
    setFocusList(true);
  }

  function add() {
    if (!issues || !chosen || chosen.size === 0) return;
    const picked = issues.filter((i) => chosen.has(i.id));
    const heard = [t('ActionPlan.carryOver.heardIntro'), ...picked.map((issue, n) => `${n + 1}. ${carryOverLine(issue, names, t)}`)].join('\n');
    setChosen(null);
    edit((b) => {
      if (b.items.some((i) => i.title.trim() === title)) return b;
      const [next, i] = addItem(b);
      setFocusItem(i);
      return setItem(next, i, { title, heard });
    });
  }

  function toggle(id: string, on: boolean) {
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  // The shortcut works wherever the secretary types in the minutes.
  useEffect(() => {
    if (!offered) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.altKey && event.shiftKey && event.code === 'KeyR')) return;
      if (!(event.target instanceof Element) || !event.target.closest('[data-testid="minutes-editor"]')) return;
      event.preventDefault();
      choose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (focusItem === null) return;
    const el = document.querySelector<HTMLElement>(`[data-testid="item-${focusItem}-title"]`);
    if (el) {
      el.focus();
      setFocusItem(null);
    }
  }, [focusItem, body]);

  useEffect(() => {
    if (!focusList) return;
    document.querySelector<HTMLElement>('[data-testid="carry-over-pick"] input[type="checkbox"]')?.focus();
    setFocusList(false);
  }, [focusList]);

  if (!offered) return null;
  if (chosen) {
    return (
      <fieldset className="carry-over-pick form-section" data-testid="carry-over-pick">
        <legend>{t('Minutes.carryOver.title')}</legend>
        <div className="carry-over-pick-bar">
          <button type="button" className="button button--small" data-testid="carry-over-all" onClick={() => setChosen(new Set(issues.map((i) => i.id)))}>
            {t('Minutes.carryOver.all')}
          </button>
          <button type="button" className="button button--small" data-testid="carry-over-none" onClick={() => setChosen(new Set())}>
            {t('Minutes.carryOver.none')}
          </button>
          <span className="hint" role="status" data-testid="carry-over-count">
            {t('Minutes.carryOver.chosen', { count: chosen.size, total: issues.length })}
          </span>
        </div>
        <ul className="carry-over-pick-list">
          {issues.map((issue) => (
            <li key={issue.id}>
              <label className="choice">
                <input type="checkbox" checked={chosen.has(issue.id)} data-testid={`carry-over-pick-${issue.id}`} onChange={(e) => toggle(issue.id, e.target.checked)} />
                <span>{carryOverLine(issue, names, t)}</span>
              </label>
            </li>
          ))}
        </ul>
        <div className="card-actions">
          <button type="button" className="button button--small button--primary" disabled={chosen.size === 0} data-testid="carry-over-confirm" onClick={add}>
            {t('Minutes.carryOver.add', { count: chosen.size })}
          </button>
          <button type="button" className="button button--small" data-testid="carry-over-cancel" onClick={() => setChosen(null)}>
            {t('Minutes.carryOver.cancel')}
          </button>
        </div>
      </fieldset>
    );
  }
  return (
    <div className="carry-over-offer">
      <button type="button" className="button button--small align-start" aria-keyshortcuts={SHORTCUT} data-testid="carry-over-add" onClick={choose}>
        {t('ActionPlan.carryOver.add', { n: issues.length })}
      </button>
      <span className="hint">{t('ActionPlan.carryOver.shortcut', { keys: SHORTCUT })}</span>
    </div>
  );
}
