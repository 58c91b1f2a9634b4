import type { CoreContext } from '../context';
import type { FileData } from '../../../shared/contract/minutes.contract';
import type { Language } from '../../../shared/contract/schemas';
import { EsepError } from '../../../shared/errors';
import { getMinutes } from '../db/repos/minutes.repo';
import { getMeeting } from '../db/repos/meetings.repo';
import { subtree } from '../db/repos/units.repo';
import { createI18n } from '../../../shared/i18n';
import { MIME } from '../files/file-type';
import { documentFileName } from '../files/safe-file-name';
import { requireWorkingReportingUnit } from './units.service';

/** The minutes as a Word document in the official layout, in Kazakh or Russian. */
export async function exportMinutesDocx(ctx: CoreContext, input: { minutesId: string; language: Language }): Promise<FileData> {
  const minutes = getMinutes(ctx.db, input.minutesId);
  if (!minutes) throw new EsepError('not_found', { id: input.minutesId });
  const meeting = getMeeting(ctx.db, minutes.meetingId);
  if (!meeting) throw new EsepError('not_found', { id: minutes.meetingId });
  const unit = requireWorkingReportingUnit(ctx, meeting.unitKato);
  // Imported here, not at the top: the writer's package (docx, pdfmake, exceljs) takes longer to load than most commands take to run.
  const { buildMinutesDocx } = await import('../export/minutes.docx');
  const buffer = await buildMinutesDocx({ minutes, meeting, unit, language: input.language, localities: subtree(ctx.db, unit.kato) });
  const t = createI18n(input.language).t;
  const unitName = input.language === 'kk' ? unit.nameKk : unit.nameRu;
  const fileName = documentFileName([t('MinutesDoc.fileName'), unitName, minutes.date ?? meeting.heldOn ?? ''], 'docx');
  return { fileName, mime: MIME.docx, dataBase64: buffer.toString('base64') };
}
