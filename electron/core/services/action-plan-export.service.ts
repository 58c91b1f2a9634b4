import type { CoreContext } from '../context';
import type { PlanScope } from '../../../shared/contract/action-plan.contract';
import type { FileData } from '../../../shared/contract/minutes.contract';
import type { Language } from '../../../shared/contract/schemas';
import type { PlanDocInput } from '../../../shared/documents/action-plan.document';
import { listPlanLines } from '../db/repos/action-plan.repo';
import { subtree } from '../db/repos/units.repo';
import { createI18n } from '../../../shared/i18n';
import { MIME } from '../files/file-type';
import { documentFileName } from '../files/safe-file-name';
import { resolveScope } from './action-plan.service';

/** The plan of a meeting or a period as an Excel workbook or a Word document, in Kazakh or Russian. */
export async function exportPlan(ctx: CoreContext, input: { scope: PlanScope; language: Language; format: 'xlsx' | 'docx' }): Promise<FileData> {
  const { unit, meeting } = resolveScope(ctx, input.scope);
  const period = 'meetingId' in input.scope ? null : { from: input.scope.from, to: input.scope.to };
  const doc: PlanDocInput = {
    lines: listPlanLines(ctx.db, input.scope),
    unit,
    meetingDate: meeting ? (meeting.heldOn ?? meeting.plannedOn) : null,
    period,
    language: input.language,
    places: subtree(ctx.db, unit.kato),
  };
  // Imported here, not at the top: the writer's package (docx, pdfmake, exceljs) takes longer to load than most commands take to run.
  const buffer =
    input.format === 'xlsx' ? await (await import('../export/action-plan.xlsx')).buildActionPlanXlsx(doc) : await (await import('../export/action-plan.docx')).buildActionPlanDocx(doc);
  const when = period ? `${period.from} – ${period.to}` : (doc.meetingDate ?? '');
  const unitName = input.language === 'kk' ? unit.nameKk : unit.nameRu;
  return {
    fileName: documentFileName([createI18n(input.language).t('PlanDoc.fileName'), unitName, when], input.format),
    mime: MIME[input.format],
    dataBase64: buffer.toString('base64'),
  };
}
