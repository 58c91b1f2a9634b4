import type { CoreContext } from '../context';
import type { FileData } from '../../../shared/contract/minutes.contract';
import { REPORT_SECTIONS, type ReportExportInput } from '../../../shared/contract/reports.contract';
import { PRINTED_ANNEX_ROWS, reportDocument, type Point3Meeting, type ReportDocInput } from '../../../shared/documents/report.document';
import { toYmd } from '../../../shared/domain/dates';
import { namePeriod, periodKey } from '../../../shared/domain/reports/period';
import { EsepError } from '../../../shared/errors';
import { createI18n } from '../../../shared/i18n';
import { appendAudit } from '../db/repos/audit.repo';
import { getMeeting } from '../db/repos/meetings.repo';
import { unresolvedIssues } from '../db/repos/reports.repo';
import { MIME } from '../files/file-type';
import { documentFileName } from '../files/safe-file-name';
import { periodReport, point3For, REPORT_EXPORT_ENTITY } from './reports.service';

/**
 * A period report, or a group A unit's point 3 information note, as a DOCX, XLSX or PDF in the
 * chosen language with the chosen sections; recorded in the audit log as an export (what, in
 * which language and format, with or without personal data; who and when come with the entry),
 * which is also how point 3 knows the note was sent.
 */
export async function exportReport(ctx: CoreContext, input: ReportExportInput): Promise<FileData> {
  const { period, document, language, format, personalData } = input;
  const isYear = namePeriod(period).kind === 'year';
  if (document === 'point3' && !isYear) throw new EsepError('report_point3_not_year', { start: period.start, end: period.end });
  const report = periodReport(ctx, { unitKato: input.unitKato, period });
  if (document === 'point3' && report.units[0]?.group !== 'A') throw new EsepError('report_point3_not_group_a', { kato: report.unit.kato });

  const sections = REPORT_SECTIONS.filter((s) => input.sections.includes(s));
  const doc: ReportDocInput = {
    report,
    document,
    language,
    sections,
    unresolved: sections.includes('unresolved')
      ? unresolvedIssues(ctx.db, {
          root: report.unit.kato,
          start: period.start,
          end: period.end,
          today: report.today,
          personal: personalData,
          // The note's annex is the lower akims' issues, like the rest of the note.
          exceptUnit: document === 'point3' ? report.unit.kato : null,
          // A printed annex lists the oldest; the workbook has them all.
          limit: format === 'xlsx' ? null : PRINTED_ANNEX_ROWS,
        })
      : [],
    personalData,
    point3: document === 'point3' ? point3Meeting(ctx, report.unit, period) : null,
  };
  // Imported here, not at the top: the writer's package (docx, pdfmake, exceljs) takes longer to load than most commands take to run.
  const buffer =
    format === 'xlsx'
      ? await (await import('../export/report.xlsx')).buildReportXlsx(doc)
      : format === 'pdf'
        ? await (await import('../export/pdf.writer')).writePdf(reportDocument(doc, createI18n(language).t))
        : await (await import('../export/docx.writer')).writeDocx(reportDocument(doc, createI18n(language).t));

  const when = document === 'point3' ? String(toYmd(period.start).year) : periodKey(period).replace('..', ' – ');
  const unitName = language === 'kk' ? report.unit.nameKk : report.unit.nameRu;
  const fileName = documentFileName([createI18n(language).t(`ReportDoc.fileName.${document}`), unitName, when], format);
  ctx.db.transaction(() =>
    appendAudit(ctx, {
      action: 'export',
      entity: REPORT_EXPORT_ENTITY,
      entityId: report.unit.kato,
      after: { document, format, language, period, sections, personalData, fileName },
    }),
  )();
  return { fileName, mime: MIME[format], dataBase64: buffer.toString('base64') };
}

function point3Meeting(ctx: CoreContext, unit: ReportDocInput['report']['unit'], covers: ReportExportInput['period']): Point3Meeting {
  const found = point3For(ctx, unit, covers);
  const meeting = found?.meetingId ? getMeeting(ctx.db, found.meetingId) : null;
  return {
    row: found?.row ?? null,
    meeting: meeting
      ? {
          attendance: meeting.attendance,
          onlineViewers: meeting.onlineViewers,
          officials: meeting.officials.length,
          government: meeting.officials.filter((o) => o.isGovernment).length,
        }
      : null,
  };
}
