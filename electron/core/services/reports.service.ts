import type { CoreContext } from '../context';
import type { ParticipationWarning } from '../../../shared/contract/calendar.contract';
import type { PeriodReport, Point3Row, ReportCategory, ReportStatus, ReportUnitRow, TrendQuarter } from '../../../shared/contract/reports.contract';
import type { UnitSummary } from '../../../shared/contract/types';
import { addDays, addMonths, localIsoDate, type IsoDate } from '../../../shared/domain/dates';
import { isHeldStatus } from '../../../shared/domain/meetings/meeting';
import { missingParticipation, PARTICIPATION_STATUSES } from '../../../shared/domain/meetings/participation';
import {
  addCloseDays,
  addIssueCell,
  countObligations,
  emptyFigures,
  sumFigures,
  topCategories,
  type Figures,
  type MeetingFigures,
  type ObligationFact,
} from '../../../shared/domain/reports/figures';
import { inPeriod, quartersEndingAt, TREND_QUARTERS, type ReportPeriod } from '../../../shared/domain/reports/period';
import { complianceAssessor, DECREE_615, heldRange, type AssessedObligation, type ComplianceAssessor } from '../../../shared/domain/rules';
import { isReportingKind, type ReportingUnitKind } from '../../../shared/domain/units/unit-kind';
import { EsepError } from '../../../shared/errors';
import { listAudit } from '../db/repos/audit.repo';
import { listCategories, listStatuses } from '../db/repos/issue-reference.repo';
import { heldMeetingsUnder, listMeetingsUnder, plannedKey, plannedMeetingsUnder } from '../db/repos/meetings.repo';
import { closeDayCells, issueCells, raisedAndClosed } from '../db/repos/reports.repo';
import { listRuleSets } from '../db/repos/rule-sets.repo';
import { subtree } from '../db/repos/units.repo';
import { requireWorkingReportingUnit } from './units.service';

/** The audit entity every report export is recorded under (its id: the report's unit). */
export const REPORT_EXPORT_ENTITY = 'report';

type Assessed = AssessedObligation & { planned: boolean };

/**
 * A unit's period report, consolidated over its subtree of the working set. This gathers rows
 * (obligations assessed by the rule engine, held meetings, GROUP BY counts of the issue log);
 * every sum is shared/domain/reports', so a total is the sum of the unit rows by construction.
 */
export function periodReport(ctx: CoreContext, input: { unitKato: string; period: ReportPeriod }): PeriodReport {
  const { period } = input;
  if (period.start > period.end) throw new EsepError('range_invalid', { from: period.start, to: period.end });
  const root = requireWorkingReportingUnit(ctx, input.unitKato);
  const { db } = ctx;
  const today = ctx.clock.today();

  const tree = subtree(db, root.kato);
  const unitByKato = new Map(tree.map((u) => [u.kato, u]));
  const reporting = tree.filter((u) => isReportingKind(u.kind));
  const reportingUnitOf = nearestReporting(unitByKato);

  const statuses: ReportStatus[] = listStatuses(db)
    .filter((s) => !s.archived)
    .map((s) => ({ id: s.id, nameKk: s.nameKk, nameRu: s.nameRu, closed: s.closed, outcome: s.outcome }));
  const allCategories = listCategories(db);
  const topCategory = topCategories(allCategories);
  const categories: ReportCategory[] = allCategories
    .filter((c) => !c.archived && topCategory(c.id) === c.id)
    .map((c) => ({ id: c.id, nameKk: c.nameKk, nameRu: c.nameRu }));
  const zero = () => emptyFigures(statuses.map((s) => s.id), categories.map((c) => c.id));

  // One assessment per unit serves the period and the trend's two years.
  const quarters = quartersEndingAt(period.end, TREND_QUARTERS);
  const span: ReportPeriod = {
    start: quarters[0]!.start < period.start ? quarters[0]!.start : period.start,
    end: quarters.at(-1)!.end > period.end ? quarters.at(-1)!.end : period.end,
  };
  const ruleSets = listRuleSets(db);
  const assessors = new Map<ReportingUnitKind, ComplianceAssessor>();
  for (const { kind } of reporting) {
    if (isReportingKind(kind) && !assessors.has(kind)) assessors.set(kind, complianceAssessor(ruleSets, kind, span.start, span.end));
  }
  const held = heldMeetingsUnder(db, root.kato, heldRange([...assessors.values()].map((a) => a.span), today));
  const planned = plannedMeetingsUnder(db, root.kato);

  const figures = new Map<string, Figures>();
  const groups = new Map<string, string | null>();
  const point3: Point3Row[] = [];
  const trendFacts = quarters.map(() => [] as ObligationFact[]);
  for (const unit of reporting) {
    const assessed: Assessed[] = assessors.get(unit.kind as ReportingUnitKind)!.assess(held.get(unit.kato) ?? [], today).map(
      (o) => ({ ...o, planned: o.meeting === null && planned.has(plannedKey(unit.kato, o.ruleSetId, o.windowKey)) }),
    );
    const inThePeriod = assessed.filter((o) => inPeriod(o.windowStart, period));
    const own = zero();
    own.meetings = countObligations(inThePeriod);
    figures.set(unit.kato, own);
    const decree = inThePeriod.find((o) => o.ruleSetId === DECREE_615.id) ?? assessed.find((o) => o.ruleSetId === DECREE_615.id);
    groups.set(unit.kato, decree?.group ?? null);
    for (const o of inThePeriod) if (o.reportDueMonths !== null) point3.push(point3Row(ctx, unit, o, today));
    quarters.forEach((q, i) => trendFacts[i]!.push(...assessed.filter((o) => inPeriod(o.windowStart, q))));
  }

  const participation: ParticipationWarning[] = [];
  for (const m of listMeetingsUnder(db, root.kato, { from: period.start, to: period.end, statuses: PARTICIPATION_STATUSES })) {
    const kato = reportingUnitOf.get(m.unitKato);
    const own = kato === undefined ? undefined : figures.get(kato);
    if (!own || kato === undefined || m.kind !== 'reporting') continue;
    const date = m.heldOn ?? m.plannedOn;
    if (isHeldStatus(m.status) && m.heldOn !== null && inPeriod(m.heldOn, period)) {
      own.meetings.held++;
      own.attendance.people += m.attendance ?? 0;
      own.attendance.onlineViewers += m.onlineViewers ?? 0;
      own.officials.present += m.officials.length;
      own.officials.government += m.officials.filter((o) => o.isGovernment).length;
      own.officials.oblastLeadership += m.officials.filter((o) => o.isOblastLeadership).length;
    }
    const point = date === null ? null : missingParticipation(groups.get(kato) ?? null, date, m.officials);
    if (point && date !== null) participation.push({ unit: summary(unitByKato.get(kato)!), meetingId: m.id, date, status: m.status, point });
  }

  for (const cell of issueCells(db, root.kato, period.start, period.end, today)) {
    const own = figures.get(reportingUnitOf.get(cell.unitKato) ?? '');
    if (own) addIssueCell(own.issues, cell, topCategory);
  }
  for (const cell of closeDayCells(db, root.kato, period.start, period.end)) {
    const own = figures.get(reportingUnitOf.get(cell.unitKato) ?? '');
    if (own) addCloseDays(own.issues, cell.days, cell.count);
  }

  const units: ReportUnitRow[] = reporting.map((u) => ({ ...summary(u), depth: u.depth, group: groups.get(u.kato) ?? null, ...figures.get(u.kato)! }));
  const totals = sumFigures(
    units.map((u) => figures.get(u.kato)!),
    zero(),
  );
  const issuesByQ = raisedAndClosed(db, root.kato, quarters);
  const trend: TrendQuarter[] = quarters.map((q, i) => ({
    key: q.key,
    start: q.start,
    end: q.end,
    meetings: windowsOnly(countObligations(trendFacts[i]!)),
    issuesRaised: issuesByQ[i]!.raised,
    issuesClosed: issuesByQ[i]!.closed,
  }));

  return { unit: root, period, today, ...totals, units, statuses, categories, participation, point3, trend };
}

function windowsOnly({ held: _held, ...windows }: MeetingFigures): Omit<MeetingFigures, 'held'> {
  return windows;
}

function summary(u: UnitSummary): UnitSummary {
  return { kato: u.kato, kind: u.kind, nameKk: u.nameKk, nameRu: u.nameRu, parent: u.parent };
}

/** Each unit of the tree → itself if it holds meetings, else its nearest ancestor that does (issues of a locality count there). */
function nearestReporting(byKato: ReadonlyMap<string, UnitSummary>): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of byKato.values()) {
    let at: UnitSummary | undefined = u;
    while (at && !isReportingKind(at.kind)) at = at.parent === null ? undefined : byKato.get(at.parent);
    if (at) out.set(u.kato, at.kato);
  }
  return out;
}

/**
 * Decree point 3 for one group A obligation: the note is due a month after the meeting; it
 * counts as reported on the first day its point 3 note (for the year the meeting reports on)
 * was exported.
 */
function point3Row(ctx: CoreContext, unit: UnitSummary, o: AssessedObligation, today: IsoDate): Point3Row {
  const covers: ReportPeriod = { start: o.coversStart, end: o.coversEnd };
  const reportedOn = point3ReportedOn(ctx, unit.kato, covers);
  return {
    unit: summary(unit),
    windowKey: o.windowKey,
    covers,
    meetingId: o.meeting?.id ?? null,
    heldOn: o.meeting?.heldOn ?? null,
    reportDue: o.reportDue,
    reportedOn,
    late: o.reportDue !== null && (reportedOn ?? today) > o.reportDue,
  };
}

/**
 * The point 3 row of the obligation that reports on `covers` (for Decree 615: the next year's
 * Q1 meeting of a group A unit reporting on the year), with its meeting; null if the unit's
 * rules ask no such note for it.
 */
export function point3For(ctx: CoreContext, unit: UnitSummary, covers: ReportPeriod): { row: Point3Row; meetingId: string | null } | null {
  if (!isReportingKind(unit.kind)) return null;
  const today = ctx.clock.today();
  // The meeting comes after the period it reports on: look a year past its end.
  const after = addDays(covers.end, 1);
  const assessor = complianceAssessor(listRuleSets(ctx.db), unit.kind, after, addMonths(after, 12));
  const assessed = assessor.assess(heldMeetingsUnder(ctx.db, unit.kato, heldRange([assessor.span], today)).get(unit.kato) ?? [], today);
  const o = assessed.find((x) => x.reportDueMonths !== null && x.coversStart === covers.start && x.coversEnd === covers.end);
  return o ? { row: point3Row(ctx, unit, o, today), meetingId: o.meeting?.id ?? null } : null;
}

function point3ReportedOn(ctx: CoreContext, kato: string, covers: ReportPeriod): IsoDate | null {
  const exports = listAudit(ctx, REPORT_EXPORT_ENTITY, kato).filter((e) => {
    const after = e.after as { document?: string; period?: ReportPeriod } | null;
    return after?.document === 'point3' && after.period?.start === covers.start && after.period?.end === covers.end;
  });
  return exports.length === 0 ? null : localIsoDate(new Date(Math.min(...exports.map((e) => e.at))));
}
