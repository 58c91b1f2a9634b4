import type { IsoDate } from '../dates';
import { ISSUE_KINDS, type IssueKind } from '../minutes/minutes';

/**
 * Citizens' issues (decree point 4.2): every question, proposal, remark, complaint or request
 * raised by the population, from the meeting to its resolution. See
 * ../shared/domain/records.md ("Citizen issue") for where the fields come from.
 */
export { ISSUE_KINDS, type IssueKind };

/** How the issue reached the akimat. */
export const RECEIVED_VIA = ['oral', 'written', 'advance_email', 'advance_box', 'advance_website', 'call_centre', 'personal_reception'] as const;
export type ReceivedVia = (typeof RECEIVED_VIA)[number];

/** The three answers e-Otinish knows ("характер ответа"); recorded when an issue is closed. */
export const OUTCOMES = ['satisfied', 'explained', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The status codes the app seeds; administrators add their own (uuid ids), each open or closed. */
export const SEED_STATUS_CODES = ['new', 'in_progress', 'done', 'explained', 'planned', 'forwarded', 'rejected'] as const;
export type SeedStatusCode = (typeof SEED_STATUS_CODES)[number];

export interface SeedStatus {
  code: SeedStatusCode;
  nameKk: string;
  nameRu: string;
  closed: boolean;
  /** The outcome a closing status suggests; the user may choose another. */
  outcome: Outcome | null;
}

/**
 * Reference data, not UI text: stored in the database in both languages and editable there
 * (glossary.md, "Issue statuses"). `overdue` is not a status: it is derived from the deadline.
 */
export const SEED_STATUSES: readonly SeedStatus[] = [
  { code: 'new', nameKk: 'Тіркелді', nameRu: 'Зарегистрирован', closed: false, outcome: null },
  { code: 'in_progress', nameKk: 'Орындалуда', nameRu: 'В работе', closed: false, outcome: null },
  { code: 'planned', nameKk: 'Жоспарға (бюджеттік өтінімге) енгізілді', nameRu: 'Включено в план / бюджетную заявку', closed: false, outcome: null },
  { code: 'done', nameKk: 'Орындалды', nameRu: 'Исполнено', closed: true, outcome: 'satisfied' },
  { code: 'explained', nameKk: 'Түсіндірілді', nameRu: 'Разъяснено', closed: true, outcome: 'explained' },
  { code: 'forwarded', nameKk: 'Құзыреті бойынша жіберілді', nameRu: 'Направлено по компетенции', closed: true, outcome: 'explained' },
  { code: 'rejected', nameKk: 'Бас тартылды', nameRu: 'Отказано', closed: true, outcome: 'refused' },
];

/** The statuses the app itself assigns (seed ids): registration, assignment, an answer on the spot. */
export const AUTO_STATUS = { registered: 'new', assigned: 'in_progress', answeredOnSpot: 'explained' } as const;

/**
 * The outcome a change to `status` starts with (the user may choose another): its own, except
 * for a status that passes the issue on to another body ("forwarded"), whose answer is that
 * body's to give; the seed's "explained" there would record an explanation nobody gave, so the
 * user chooses. An open status has no outcome.
 */
export function suggestedOutcome(status: { code: string | null; closed: boolean; outcome: Outcome | null }): Outcome | null {
  if (!status.closed || status.code === 'forwarded') return null;
  return status.outcome;
}

export interface SeedCategory {
  code: string;
  nameKk: string;
  nameRu: string;
}

/** glossary.md, "Issue categories": the seed of an editable tree (a category may have a parent). */
export const SEED_CATEGORIES: readonly SeedCategory[] = [
  { code: 'roads', nameRu: 'Дороги и мосты', nameKk: 'Жолдар мен көпірлер' },
  { code: 'water', nameRu: 'Водоснабжение и водоотведение', nameKk: 'Сумен жабдықтау және су бұру' },
  { code: 'gas', nameRu: 'Газификация', nameKk: 'Газдандыру' },
  { code: 'power', nameRu: 'Электроснабжение и уличное освещение', nameKk: 'Электрмен жабдықтау және көше жарығы' },
  { code: 'heating', nameRu: 'Теплоснабжение', nameKk: 'Жылумен жабдықтау' },
  { code: 'housing', nameRu: 'Жильё', nameKk: 'Тұрғын үй' },
  { code: 'utilities', nameRu: 'ЖКХ, тарифы, вывоз мусора', nameKk: 'ТКШ, тарифтер, қоқыс шығару' },
  { code: 'improvement', nameRu: 'Благоустройство и озеленение', nameKk: 'Абаттандыру және көгалдандыру' },
  { code: 'land', nameRu: 'Земельные отношения', nameKk: 'Жер қатынастары' },
  { code: 'agriculture', nameRu: 'Сельское хозяйство, пастбища, ветеринария', nameKk: 'Ауыл шаруашылығы, жайылымдар, ветеринария' },
  { code: 'employment', nameRu: 'Занятость', nameKk: 'Жұмыспен қамту' },
  { code: 'social', nameRu: 'Социальная поддержка', nameKk: 'Әлеуметтік қолдау' },
  { code: 'health', nameRu: 'Здравоохранение', nameKk: 'Денсаулық сақтау' },
  { code: 'education', nameRu: 'Образование (школы, детсады)', nameKk: 'Білім беру (мектеп, балабақша)' },
  { code: 'telecom', nameRu: 'Связь и интернет', nameKk: 'Байланыс және интернет' },
  { code: 'transport', nameRu: 'Транспорт', nameKk: 'Көлік' },
  { code: 'culture', nameRu: 'Культура и спорт', nameKk: 'Мәдениет және спорт' },
  { code: 'safety', nameRu: 'Общественная безопасность', nameKk: 'Қоғамдық қауіпсіздік' },
  { code: 'ecology', nameRu: 'Экология, бродячие животные', nameKk: 'Экология, қаңғыбас жануарлар' },
  { code: 'business', nameRu: 'Предпринимательство', nameKk: 'Кәсіпкерлік' },
  { code: 'other', nameRu: 'Прочее', nameKk: 'Басқа' },
];

/** The execution mark of an action plan row. */
export const PLAN_MARKS = ['not_started', 'in_progress', 'done', 'not_done'] as const;
export type PlanMark = (typeof PLAN_MARKS)[number];

/** Overdue is derived, never stored: a deadline before today on an issue not closed. */
export function isOverdue(issue: { deadline: IsoDate | null; closed: boolean }, today: IsoDate): boolean {
  return !issue.closed && issue.deadline !== null && issue.deadline < today;
}

/** e-Otinish registration numbers look like `ЖТ-2022-00000742`; kept as typed, trimmed. */
export const EOTINISH_PATTERN = /^[A-ZА-ЯӘҒҚҢӨҰҮҺІ]{1,4}-\d{4}-\d{1,10}$/u;
