import type { Point3Row } from '../../../../shared/contract/reports.contract';
import { AttentionList } from '../../components/AttentionList';
import { UnitLine } from '../../components/UnitLine';
import { formatOfficialDate } from '../../format/dates';
import { useT } from '../../i18n';

/**
 * Decree point 3 for group A: each meeting, the day its information note is due, and whether it
 * went in time. A group A unit heads its own KATO tree, so its rows are the report's unit's own:
 * each can prepare its note (`onPrepare`, null where the unit owes none).
 */
export function Point3List({ rows, onOpen, onPrepare }: { rows: readonly Point3Row[]; onOpen: (meetingId: string) => void; onPrepare: ((row: Point3Row) => void) | null }) {
  const { t, lng } = useT();
  const official = (date: string) => formatOfficialDate(date, lng);
  return (
    <AttentionList
      title={t('Dashboard.reports.title')}
      hint={t('Dashboard.reports.hint')}
      items={rows}
      empty={t('Dashboard.reports.empty')}
      testId="report-point3"
      itemKey={(r) => `${r.unit.kato}-${r.windowKey}`}
      render={(r) => (
        <>
          <UnitLine unit={r.unit} />
          <span className="dash-detail">
            {r.heldOn === null ? t('Reports.point3.notHeld') : t('Reports.point3.heldOn', { date: official(r.heldOn) })}
            {r.reportDue !== null && <> · {t('Reports.point3.due', { date: official(r.reportDue) })}</>}
          </span>
          <span className={r.late ? 'dash-days is-overdue' : 'dash-days'}>
            {r.reportedOn !== null ? t('Reports.point3.reported', { date: official(r.reportedOn) }) : r.late ? t('Reports.point3.late') : r.heldOn !== null ? t('Reports.point3.pending') : null}
            {r.reportedOn !== null && r.late && <> · {t('Reports.point3.late')}</>}
          </span>
          {r.meetingId !== null && (
            <button type="button" className="button button--quiet button--small" data-testid={`point3-open-${r.meetingId}`} onClick={() => onOpen(r.meetingId!)}>
              {t('Reports.point3.open')}
            </button>
          )}
          {onPrepare && (
            <button type="button" className="button button--quiet button--small" data-testid={`point3-prepare-${r.windowKey}`} onClick={() => onPrepare(r)}>
              {t('Reports.point3.prepare')}
            </button>
          )}
        </>
      )}
    />
  );
}
