import { minutesDocument, type MinutesDocInput } from '../../../shared/documents/minutes.document';
import { createI18n } from '../../../shared/i18n';
import { writeDocx } from './docx.writer';

/** The minutes as a Word document: the shared document model, written on the civil-service page. */
export function buildMinutesDocx(input: MinutesDocInput): Promise<Buffer> {
  return writeDocx(minutesDocument(input, createI18n(input.language).t));
}
