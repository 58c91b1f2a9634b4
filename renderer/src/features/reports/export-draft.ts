import { REPORT_SECTIONS, type PeriodReport, type ReportDocument, type ReportExportInput, type ReportFormat, type ReportSection } from '../../../../shared/contract/reports.contract';
import type { Language } from '../../../../shared/contract/schemas';
import { toYmd } from '../../../../shared/domain/dates';
import { yearPeriod } from '../../../../shared/domain/reports/period';

/** What the export panel holds: the choices, before they become a request. */
export interface ExportDraft {
  document: ReportDocument;
  /** The calendar year the point 3 note reports on. */
  noteYear: number;
  format: ReportFormat;
  language: Language;
  sections: readonly ReportSection[];
  personalData: boolean;
}

/** The report's unit itself (its own row, not a lower unit's) is in Decree 615 group A: only its akim owes the point 3 note. */
export function isGroupA(report: PeriodReport): boolean {
  return report.units.find((u) => u.depth === 0)?.group === 'A';
}

/**
 * The note first offered: the one the period's own point 3 meeting owes (a Q1 or a year of a
 * group A unit: the year before), else the year before the period's.
 */
export function defaultNoteYear(report: PeriodReport): number {
  const own = report.point3.filter((r) => r.unit.kato === report.unit.kato).at(-1);
  return own ? toYmd(own.covers.start).year : toYmd(report.period.start).year - 1;
}

/** Every section, no personal data, the period report unless a note's year is given (group A only). */
export function firstDraft(report: PeriodReport, language: Language, noteYear: number | null): ExportDraft {
  const note = noteYear !== null && isGroupA(report);
  return {
    document: note ? 'point3' : 'period',
    noteYear: note ? noteYear : defaultNoteYear(report),
    format: 'docx',
    language,
    sections: [...REPORT_SECTIONS],
    personalData: false,
  };
}

/** Authors' names and phones appear only in the annex of unresolved issues. */
export const canIncludePersonalData = (draft: ExportDraft): boolean => draft.sections.includes('unresolved');

/**
 * The request for the report on screen: the note covers its year, the period report the
 * screen's period; sections in the document's order; personal data only with its annex.
 */
export function exportInput(report: PeriodReport, draft: ExportDraft): ReportExportInput {
  const note = draft.document === 'point3' && isGroupA(report);
  return {
    unitKato: report.unit.kato,
    period: note ? yearPeriod(draft.noteYear) : report.period,
    document: note ? 'point3' : 'period',
    format: draft.format,
    language: draft.language,
    sections: REPORT_SECTIONS.filter((s) => draft.sections.includes(s)),
    personalData: draft.personalData && canIncludePersonalData(draft),
  };
}
