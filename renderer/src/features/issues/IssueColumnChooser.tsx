import { useId } from 'react';
import type { IssueColumnId } from '../../../../shared/domain/issues/issue-columns';
import { isFixedColumn } from '../../../../shared/domain/issues/issue-columns';
import { usePopover } from '../../hooks/usePopover';
import { useT } from '../../i18n';
import { useIssueColumnsStore } from '../../stores/issue-columns.store';
import { COLUMN_DEFS } from './columns';

/**
 * Which columns the log shows: a checkbox each (the number and the question always), the ones
 * that gave way to the open card marked so, and a way back to the defaults.
 */
export function IssueColumnChooser({ gaveWay }: { gaveWay: readonly IssueColumnId[] }) {
  const { t } = useT();
  const hidden = useIssueColumnsStore((s) => s.layout.hidden);
  const setHidden = useIssueColumnsStore((s) => s.setHidden);
  const reset = useIssueColumnsStore((s) => s.reset);
  const { open, setOpen, root, button, onKeyDown } = usePopover();
  const panelId = useId();

  return (
    <div className="column-chooser" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="issues-columns"
        onClick={() => setOpen(!open)}
      >
        {t('Issues.columns.choose')}
      </button>
      {open && (
        <fieldset id={panelId} className="column-chooser-panel" data-testid="issues-columns-panel">
          <legend className="visually-hidden">{t('Issues.columns.chooseLabel')}</legend>
          {COLUMN_DEFS.map((c) => {
            const fixed = isFixedColumn(c.id);
            return (
              <label key={c.id} className="filter-option column-choice">
                <input
                  type="checkbox"
                  checked={fixed || !hidden.includes(c.id)}
                  disabled={fixed}
                  data-testid={`issues-column-${c.id}`}
                  onChange={(e) => setHidden(c.id, !e.target.checked)}
                />
                {t(`Issues.columns.${c.id}`)}
                {fixed && <span className="muted column-choice-note">{t('Issues.columns.always')}</span>}
                {gaveWay.includes(c.id) && <span className="muted column-choice-note">{t('Issues.columns.gaveWay')}</span>}
              </label>
            );
          })}
          <button type="button" className="button button--quiet button--small" data-testid="issues-columns-reset" onClick={reset}>
            {t('Issues.columns.reset')}
          </button>
        </fieldset>
      )}
    </div>
  );
}
