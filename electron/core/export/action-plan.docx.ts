import { actionPlanDocument, type PlanDocInput } from '../../../shared/documents/action-plan.document';
import { createI18n } from '../../../shared/i18n';
import { writeDocx } from './docx.writer';

/** The action plan as a Word document: the shared document model on a landscape page. */
export function buildActionPlanDocx(input: PlanDocInput): Promise<Buffer> {
  return writeDocx(actionPlanDocument(input, createI18n(input.language).t));
}
