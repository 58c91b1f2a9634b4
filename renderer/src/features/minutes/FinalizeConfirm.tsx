import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { MinutesGap } from '../../../../shared/domain/minutes/gaps';
import type { MinutesProblem } from '../../../../shared/domain/minutes/minutes';
import { useT } from '../../i18n';

/** The editor's field (by test id) where a gap is filled in. */
export function gapTarget(gap: MinutesGap): string {
  const i = gap.item ?? 0;
  const j = gap.row ?? 0;
  switch (gap.kind) {
    case 'number_missing':
      return 'minutes-number';
    case 'date_missing':
      return 'minutes-date';
    case 'item_untitled':
      return `item-${i}-title`;
    case 'item_no_speeches':
      return `speech-add-${i}`;
    case 'item_no_decision':
      return `decision-add-${i}`;
    case 'decision_empty':
      return `decision-${i}-${j}-text`;
    case 'speech_no_speaker':
      return `speech-${i}-${j}-speaker`;
  }
}

/** The editor's field (by test id) where what finalising requires is typed. */
export const PROBLEM_TARGET: Record<MinutesProblem, string> = {
  chair_missing: 'minutes-chair',
  secretary_missing: 'minutes-secretary',
  attendance_missing: 'minutes-present-count',
  no_agenda_item: 'minutes-item-add',
};

const FOCUSABLE = 'button:not(:disabled)';

/**
 * Asked before finalising minutes with gaps: lists them, finalises anyway or goes back to the
 * first one. "Go back" has the focus, so Enter pressed by habit does not finalise; Escape goes
 * back too.
 */
export function FinalizeConfirm({ gaps, busy, onAnyway, onBack }: { gaps: readonly MinutesGap[]; busy: boolean; onAnyway: () => void; onBack: () => void }) {
  const { t } = useT();
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => back.current?.focus(), []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      // Portalled, but React events still bubble to the minutes panel, which would close.
      event.stopPropagation();
      onBack();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const buttons = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    event.preventDefault();
    buttons[(at + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
  }

  return createPortal(
    <div className="finalize-backdrop">
      <div className="finalize-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId} ref={dialog} onKeyDown={onKeyDown} data-testid="finalize-confirm">
        <h2 id={titleId} className="finalize-title">
          {t('Minutes.confirm.title')}
        </h2>
        <p>{t('Minutes.confirm.intro')}</p>
        <ul className="finalize-gaps" data-testid="finalize-gaps">
          {gaps.map((g) => (
            <li key={`${g.kind}-${g.item ?? ''}-${g.row ?? ''}`} data-gap={g.kind}>
              {t(`Minutes.gaps.${g.kind}`, { n: (g.item ?? 0) + 1, m: (g.row ?? 0) + 1 })}
            </li>
          ))}
        </ul>
        <div className="card-actions">
          <button type="button" className="button button--small button--primary" ref={back} data-testid="finalize-back" onClick={onBack}>
            {t('Minutes.confirm.back')}
          </button>
          <button type="button" className="button button--small" disabled={busy} data-testid="finalize-anyway" onClick={onAnyway}>
            {t('Minutes.confirm.anyway')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
