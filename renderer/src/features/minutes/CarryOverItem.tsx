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
 * "Report on the issues raised last time" for the minutes of a unit's next meeting: one click,
 * or Alt+Shift+R anywhere in the minutes editor, adds the agenda item with the open issues
 * listed in what was heard, and puts the cursor in its title. Offered while there are open
 * issues and no such item yet.
 */
export function CarryOverItem({ edit }: { edit: (change: (body: MinutesBody) => MinutesBody) => void }) {
  const { t } = useT();
  const names = useIssueNames();
  const meetingId = useMinutesStore((s) => s.meetingId);
  const body = useMinutesStore((s) => s.body);
  const { issues } = useCarryOver(meetingId ?? '');
  const [focusItem, setFocusItem] = useState<number | null>(null);
  const title = t('ActionPlan.carryOver.itemTitle');
  const present = body?.items.some((i) => i.title.trim() === title) ?? false;
  const offered = issues !== null && issues.length > 0 && !present;

  function add() {
    if (!issues || issues.length === 0) return;
    const heard = [t('ActionPlan.carryOver.heardIntro'), ...issues.map((issue, n) => `${n + 1}. ${carryOverLine(issue, names, t)}`)].join('\n');
    edit((b) => {
      if (b.items.some((i) => i.title.trim() === title)) return b;
      const [next, i] = addItem(b);
      setFocusItem(i);
      return setItem(next, i, { title, heard });
    });
  }

  // The shortcut works wherever the secretary types in the minutes.
  useEffect(() => {
    if (!offered) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.altKey && event.shiftKey && event.code === 'KeyR')) return;
      if (!(event.target instanceof Element) || !event.target.closest('[data-testid="minutes-editor"]')) return;
      event.preventDefault();
      add();
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

  if (!offered) return null;
  return (
    <div className="carry-over-offer">
      <button type="button" className="button button--small align-start" aria-keyshortcuts={SHORTCUT} data-testid="carry-over-add" onClick={add}>
        {t('ActionPlan.carryOver.add', { n: issues.length })}
      </button>
      <span className="hint">{t('ActionPlan.carryOver.shortcut', { keys: SHORTCUT })}</span>
    </div>
  );
}
