import { useId, useState, type ReactNode } from 'react';
import { useT } from '../i18n';

/** How many rows a list shows before "show all": a district's lists fit, an oblast's wait to be asked. */
const FIRST_ROWS = 8;

/** A titled list of what needs attention (the dashboard's, a report's) with its count, an empty state, and "show all" for long ones. */
export function AttentionList<T>({
  title,
  hint,
  items,
  empty,
  testId,
  render,
  itemKey,
}: {
  title: string;
  hint?: string;
  items: readonly T[];
  empty: string;
  testId: string;
  render: (item: T) => ReactNode;
  itemKey: (item: T) => string;
}) {
  const { t } = useT();
  const titleId = useId();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST_ROWS);
  return (
    <section className="dash-list" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="section-title dash-list-title">
        {title}
        <span className="dash-list-count">{items.length}</span>
      </h2>
      {hint && <p className="muted dash-list-hint">{hint}</p>}
      {items.length === 0 ? (
        <p className="muted dash-empty">{empty}</p>
      ) : (
        <ul className="dash-items">
          {shown.map((item) => (
            <li key={itemKey(item)} className="dash-item">
              {render(item)}
            </li>
          ))}
        </ul>
      )}
      {items.length > shown.length && (
        <button type="button" className="button button--quiet button--small align-start" onClick={() => setAll(true)}>
          {t('Dashboard.showAll', { count: items.length })}
        </button>
      )}
    </section>
  );
}
