import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import type { IssueRow } from '../../../../shared/contract/issues.contract';
import type { IssueColumnId } from '../../../../shared/domain/issues/issue-columns';
import { isReportingKind } from '../../../../shared/domain/units/unit-kind';
import { formatUiDate } from '../../format/dates';
import { useT } from '../../i18n';
import { rowAt, useIssuesStore } from '../../stores/issues.store';
import { usePanelStore } from '../../stores/panel.store';
import { IssueStatusBadge } from '../../components/IssueStatusBadge';
import { ReceivedBadge } from '../../components/ReceivedMark';
import { useReceived } from '../../hooks/useReceived';
import type { IssueNames } from '../../hooks/useIssueNames';
import { useIssueColumnsStore } from '../../stores/issue-columns.store';
import { gridTemplate, minRowWidth, widestFor } from './columns';
import { ColumnResizer } from './ColumnResizer';
import { useIssueColumns } from './useIssueColumns';

/**
 * Fixed heights: the virtualiser places rows by arithmetic, never by measuring 100,000 of them.
 * A row holds two lines of the question (and of the number over its unit).
 */
export const ROW_HEIGHT = 42;
export const HEAD_HEIGHT = 34;
/** Rows rendered beyond the visible ones, so a short scroll shows rows at once. */
const OVERSCAN = 8;
/** Scrolling settles briefly before windows are fetched (dragging the scrollbar skips through). */
const FETCH_DELAY_MS = 40;

/**
 * The log as an ARIA grid that renders only the rows in view (plus a few) and fetches them a
 * window at a time. One tab stop: ↑/↓, Page Up/Down, Home/End move the active row, Enter opens
 * its card, Space selects it. An issue received from another installation is marked, and cannot
 * be selected: a status change of a selection holding one would be refused whole. The column
 * edges in the header are tab stops of their own (←/→ resize them).
 */
export function IssueTable({ names }: { names: IssueNames }) {
  const { t, lng } = useT();
  const total = useIssuesStore((s) => s.total);
  const pages = useIssuesStore((s) => s.pages);
  const generation = useIssuesStore((s) => s.generation);
  const queryId = useIssuesStore((s) => s.queryId);
  const sort = useIssuesStore((s) => s.sort);
  const sortBy = useIssuesStore((s) => s.sortBy);
  const ensureRange = useIssuesStore((s) => s.ensureRange);
  const selected = useIssuesStore((s) => s.selected);
  const toggleSelected = useIssuesStore((s) => s.toggleSelected);
  const setSelected = useIssuesStore((s) => s.setSelected);
  const openPanel = usePanelStore((s) => s.open);
  const openId = usePanelStore((s) => (s.panel?.kind === 'issue' ? s.panel.issueId : null));
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const received = useReceived();
  const count = total ?? 0;
  const { columns, slack } = useIssueColumns();
  const setWidth = useIssueColumnsStore((s) => s.setWidth);
  const setAvailable = useIssueColumnsStore((s) => s.setAvailable);
  const [preview, setPreview] = useState<{ id: IssueColumnId; px: number } | null>(null);
  // Registry numbers repeat from unit to unit: over several, each row names its unit.
  const manyUnits = names.units.filter((u) => isReportingKind(u.kind)).length > 1;

  // The width the columns share: measured, so columns give way before the question is squeezed.
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setAvailable(el.clientWidth || null));
    observer.observe(el);
    return () => {
      observer.disconnect();
      setAvailable(null);
    };
  }, [setAvailable]);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    paddingStart: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  // A new filter or sort is a new list: back to its top.
  useEffect(() => {
    setActive(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [queryId]);

  const known = total !== null;
  useEffect(() => {
    if (!known) return;
    const timer = setTimeout(() => void ensureRange(first, last), FETCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [first, last, generation, known, ensureRange]);

  /** Scrolls just enough for a row to be in view below the sticky header. */
  function reveal(index: number) {
    const el = scroller.current;
    if (!el) return;
    const top = HEAD_HEIGHT + index * ROW_HEIGHT;
    if (top - HEAD_HEIGHT < el.scrollTop) el.scrollTop = top - HEAD_HEIGHT;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    reveal(next);
  }

  const open = (row: IssueRow) => openPanel({ kind: 'issue', issueId: row.id });

  function onKeyDown(event: KeyboardEvent) {
    if (count === 0 || event.target !== event.currentTarget) return;
    const perPage = Math.max(1, Math.floor(((scroller.current?.clientHeight ?? 0) - HEAD_HEIGHT) / ROW_HEIGHT) - 1);
    const row = rowAt(pages, active);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(active + 1);
        break;
      case 'ArrowUp':
        moveTo(active - 1);
        break;
      case 'PageDown':
        moveTo(active + perPage);
        break;
      case 'PageUp':
        moveTo(active - perPage);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(count - 1);
        break;
      case 'Enter':
        if (row) open(row);
        break;
      case ' ':
        if (row && !received(row)) toggleSelected(row);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  // "Select all" means the rows on screen: a selection the user can see before changing it.
  const visible: IssueRow[] = [];
  const range = virtualizer.range;
  if (range) for (let i = range.startIndex; i <= range.endIndex; i++) {
    const row = rowAt(pages, i);
    if (row && !received(row)) visible.push(row);
  }
  const visibleSelected = visible.filter((r) => selected[r.id] !== undefined).length;
  const activeRendered = items.some((v) => v.index === active) && rowAt(pages, active) !== undefined;

  const template = gridTemplate(preview ? columns.map((c) => (c.id === preview.id ? { ...c, px: preview.px } : c)) : columns);
  const rowWidth = minRowWidth(columns);
  const showsDeadline = columns.some((c) => c.id === 'deadline');

  const clamped = (text: string) => (
    <span className="issue-clamp" title={text || undefined}>
      {text}
    </span>
  );

  function cell(id: IssueColumnId, row: IssueRow, from: ReturnType<typeof received>): ReactNode {
    switch (id) {
      case 'registryNo': {
        const unit = manyUnits ? names.unit(row.unitKato) : '';
        return (
          <>
            <span className="issue-no">{row.registryNo}</span>
            {unit && (
              <span className="issue-unit" title={unit} data-testid={`issue-unit-${row.registryNo}`}>
                {unit}
              </span>
            )}
          </>
        );
      }
      case 'raisedOn':
        return formatUiDate(row.raisedOn, lng);
      case 'text':
        return (
          <span className="issue-text" title={row.text}>
            {row.overdue && !showsDeadline && (
              <>
                <span className="istatus-overdue">{t('Issues.overdue')}</span>{' '}
              </>
            )}
            <span className="kind-badge">{t(`Minutes.issueKinds.${row.kind}`)}</span>{' '}
            {from && (
              <>
                <ReceivedBadge received={from} testId={`issue-received-${row.registryNo}`} />{' '}
              </>
            )}
            {row.text}
          </span>
        );
      case 'category':
        return clamped(names.category(row.categoryId));
      case 'unit':
        return clamped(names.unit(row.localityKato));
      case 'body':
        return clamped([names.body(row.bodyId), names.person(row.personId)?.fullName].filter(Boolean).join(', '));
      case 'deadline':
        return (
          <>
            <span>
              {row.deadline && formatUiDate(row.deadline, lng)}
              {row.prolongations > 0 && (
                <span className="issue-prolonged" title={t('Issues.prolonged', { count: row.prolongations })}>
                  <span aria-hidden="true">{'↻'}</span>
                  <span className="visually-hidden">{t('Issues.prolonged', { count: row.prolongations })}</span>
                </span>
              )}
            </span>
            {row.overdue && <span className="istatus-overdue">{t('Issues.overdue')}</span>}
          </>
        );
      case 'status':
        // Overdue is said under the deadline, or with that column off before the question: a
        // status of two lines leaves no room for it here.
        return <IssueStatusBadge name={names.status(row.statusId)} closed={row.closed} overdue={false} />;
    }
  }

  return (
    <div
      ref={scroller}
      className="issues-scroller"
      data-testid="issues-scroller"
      role="grid"
      aria-label={t('Issues.table.label')}
      aria-rowcount={count + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable="true"
      aria-activedescendant={activeRendered ? `issue-row-at-${active}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ '--issue-cols': template } as CSSProperties}
    >
      <div className="issues-canvas" style={{ height: Math.max(virtualizer.getTotalSize(), HEAD_HEIGHT), minWidth: `max(100%, ${rowWidth}px)` }}>
        <div role="rowgroup" className="issues-head">
          <div role="row" aria-rowindex={1} className="issues-row issues-row--head" style={{ height: HEAD_HEIGHT }}>
            <div role="columnheader" className="issues-cell issues-col-select">
              <input
                type="checkbox"
                tabIndex={-1}
                aria-label={t('Issues.table.selectVisible')}
                checked={visible.length > 0 && visibleSelected === visible.length}
                ref={(el) => {
                  if (el) el.indeterminate = visibleSelected > 0 && visibleSelected < visible.length;
                }}
                disabled={visible.length === 0}
                data-testid="issues-select-visible"
                onChange={() => setSelected(visible, visibleSelected < visible.length)}
              />
            </div>
            {columns.map((c) => {
              const label = t(`Issues.columns.${c.id}`);
              return (
                <div
                  key={c.id}
                  role="columnheader"
                  className={`issues-cell issues-col-${c.id}`}
                  aria-sort={c.sort && sort.key === c.sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  data-testid={`issues-head-${c.id}`}
                >
                  {c.sort ? (
                    <button type="button" tabIndex={-1} className="sort-button" data-testid={`issues-sort-${c.sort}`} onClick={() => sortBy(c.sort!)}>
                      {label}
                      <span aria-hidden="true" className="sort-mark">
                        {sort.key === c.sort ? (sort.dir === 'asc' ? '↑' : '↓') : ''}
                      </span>
                    </button>
                  ) : (
                    label
                  )}
                  {c.px !== null && (
                    <ColumnResizer
                      label={t('Issues.columns.resize', { column: label })}
                      width={preview?.id === c.id ? preview.px : c.px}
                      max={widestFor(c, slack)}
                      testId={`issues-resize-${c.id}`}
                      onPreview={(px) => setPreview(px === null ? null : { id: c.id, px })}
                      onCommit={(px) => setWidth(c.id, px)}
                    />
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup">
          {items.map((v) => {
            const row = rowAt(pages, v.index);
            const style = { height: ROW_HEIGHT, transform: `translateY(${v.start}px)` };
            if (!row) {
              return (
                <div key={v.key} role="row" aria-rowindex={v.index + 2} className="issues-row is-loading" style={style}>
                  <div role="gridcell" className="issues-cell issues-cell--loading" aria-busy="true">
                    <span className="visually-hidden">{t('Issues.loading')}</span>
                  </div>
                </div>
              );
            }
            const isSelected = selected[row.id] !== undefined;
            const from = received(row);
            const classes = ['issues-row', row.overdue && 'is-overdue', row.closed && 'is-closed', v.index === active && 'is-active', row.id === openId && 'is-open'];
            return (
              <div
                key={row.id}
                id={`issue-row-at-${v.index}`}
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={isSelected}
                className={classes.filter(Boolean).join(' ')}
                style={style}
                data-testid={`issue-row-${row.registryNo}`}
                onClick={() => {
                  setActive(v.index);
                  open(row);
                }}
              >
                <div role="gridcell" className="issues-cell issues-col-select" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    checked={isSelected}
                    disabled={from !== null}
                    aria-label={t('Issues.table.select', { no: row.registryNo })}
                    data-testid={`issue-select-${row.registryNo}`}
                    onChange={() => {
                      setActive(v.index);
                      toggleSelected(row);
                    }}
                  />
                </div>
                {columns.map((c) => (
                  <div key={c.id} role="gridcell" className={`issues-cell issues-col-${c.id}`}>
                    {cell(c.id, row, from)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {total === 0 && (
          <p className="issues-empty muted" data-testid="issues-empty">
            {t('Issues.empty')}
          </p>
        )}
      </div>
    </div>
  );
}
