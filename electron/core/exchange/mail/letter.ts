import { createI18n } from '../../../../shared/i18n';
import { periodText } from '../../../../shared/documents/report.document';
import type { ReportPeriod } from '../../../../shared/domain/reports/period';
import type { Language } from '../../../../shared/contract/schemas';
import { megabytesRoundedUp } from '../../../../shared/format/size';

/** What the letter says about the package it carries. */
export interface LetterFacts {
  /** The package's origin unit; a name is null when this installation's classifier lacks the code. */
  unit: { kato: string; nameKk: string | null; nameRu: string | null };
  period: ReportPeriod;
  fileName: string;
  bytes: number;
  sha256: string;
}

/**
 * The subject and plain-text body of a package's letter, in Kazakh and then Russian: whoever
 * opens it at the district or oblast reads it in either, whatever language the sender uses.
 */
export function packageLetter(facts: LetterFacts): { subject: string; text: string } {
  const kk = inLanguage(facts, 'kk');
  const ru = inLanguage(facts, 'ru');
  return { subject: `${kk.subject} / ${ru.subject}`, text: `${kk.body}\n\n${'—'.repeat(20)}\n\n${ru.body}\n` };
}

function inLanguage(facts: LetterFacts, lng: Language): { subject: string; body: string } {
  const { t } = createI18n(lng);
  const unit = (lng === 'kk' ? facts.unit.nameKk : facts.unit.nameRu) ?? facts.unit.kato;
  const period = periodText(facts.period, lng, t);
  const size = new Intl.NumberFormat(lng, { maximumFractionDigits: 1 }).format(megabytesRoundedUp(facts.bytes));
  const body = [
    t('Mail.body.intro'),
    '',
    t('Mail.body.unit', { unit, kato: facts.unit.kato }),
    t('Mail.body.period', { period }),
    t('Mail.body.file', { fileName: facts.fileName, size }),
    t('Mail.body.sha256', { sha256: facts.sha256 }),
    '',
    t('Mail.body.import'),
    t('Mail.body.check'),
  ].join('\n');
  return { subject: t('Mail.subject', { unit, period }), body };
}
