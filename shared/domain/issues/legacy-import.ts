import { fromYmd, isIsoDate, type IsoDate } from '../dates';
import { foldedWords, foldForSearch } from '../text/fold';
import type { CreatedEntry } from './import-values';
import { EOTINISH_PATTERN, ISSUE_KINDS, RECEIVED_VIA, type IssueKind, type ReceivedVia } from './issue';

/**
 * A legacy Excel log brought into the issue log (issue 5, point 7): which column is which
 * field, what a cell means (dates typed a dozen ways, kinds and statuses named in kk or ru), and
 * what is wrong with a row. Pure: the core reads the workbook and the reference data, this
 * decides.
 */

/** The log's fields a legacy spreadsheet column can be mapped to. */
export const IMPORT_FIELDS = [
  'raisedOn',
  'kind',
  'text',
  'category',
  'locality',
  'authorName',
  'authorPhone',
  'body',
  'deadline',
  'status',
  'answer',
  'eotinishNo',
  'receivedVia',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these a row cannot become an issue: the mapping must name their columns. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['raisedOn', 'text'];

/** field → the column (0-based) it is read from. */
export type ImportMapping = Partial<Record<ImportField, number>>;

/** The required fields the mapping leaves without a column. */
export function unmappedRequired(mapping: ImportMapping): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === undefined);
}

export const IMPORT_PROBLEM_CODES = [
  /** Empty where a value is required. */
  'required',
  /** Not a date in any form the import reads. */
  'date_invalid',
  'date_in_future',
  'deadline_before_raised',
  /** No category, status, body, locality, kind or channel by that name or code. */
  'unknown',
  /** Several match the name (two villages called the same in different okrugs). */
  'ambiguous',
  /** A locality of the working set, but not of the unit the issues are imported into. */
  'outside_unit',
  /** A closing status without an outcome of its own: the import cannot tell which one. */
  'no_outcome',
  'phone_invalid',
  'eotinish_invalid',
  'too_long',
  /** The same unit, date and text is already in the log (value: its registry number). */
  'duplicate',
  /** The same date and text as an earlier row of the file (value: that row's number). */
  'duplicate_in_file',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export interface ImportProblem {
  field: ImportField;
  code: ImportProblemCode;
  /** The cell as the user sees it (shortened), or what the code refers to. */
  value: string;
}

/** A spreadsheet cell as the reader hands it over. */
export interface ImportCell {
  /** What the cell shows, trimmed; a formula's result; rich text joined. */
  text: string;
  /** Set when the spreadsheet itself stores a date. */
  date: IsoDate | null;
  /** Set when the spreadsheet stores a number (Excel dates not formatted as dates arrive so). */
  number: number | null;
}

export const EMPTY_CELL: ImportCell = { text: '', date: null, number: null };

/* ---------------------------------------------------------------- names and keys */

/** Case, ё and Kazakh letters folded, punctuation dropped: "Ф.И.О." and "фио" meet as "ф и о" / "фио". */
export function nameKey(text: string): string {
  let key = NAME_KEYS.get(text);
  if (key === undefined) {
    key = foldedWords(text).join(' ');
    // A log repeats a few dozen categories, bodies and places over thousands of rows.
    if (NAME_KEYS.size >= NAME_KEYS_MAX) NAME_KEYS.clear();
    NAME_KEYS.set(text, key);
  }
  return key;
}
const NAME_KEYS = new Map<string, string>();
const NAME_KEYS_MAX = 10_000;

/* ---------------------------------------------------------------- the suggested mapping */

/**
 * Header names seen in akimats' logs, kk / ru / en, written as people write them; compared
 * folded (nameKey), so case, ё and Kazakh letters do not matter.
 */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  raisedOn: [
    'Дата', 'Дата поступления', 'Дата обращения', 'Дата встречи', 'Дата регистрации', 'Дата приема',
    'Күні', 'Күн', 'Түскен күні', 'Тіркелген күні', 'Кездесу күні', 'Date', 'Date raised',
  ],
  kind: ['Вид', 'Вид обращения', 'Тип', 'Тип обращения', 'Түрі', 'Өтініш түрі', 'Kind', 'Type'],
  text: [
    'Вопрос', 'Вопросы', 'Содержание', 'Содержание вопроса', 'Краткое содержание', 'Суть вопроса', 'Суть обращения',
    'Текст', 'Сұрақ', 'Сұрақтар', 'Мәселе', 'Мәселенің мазмұны', 'Мазмұны', 'Сұрақтың мазмұны', 'Өтініштің мазмұны',
    'Text', 'Question', 'Issue',
  ],
  category: ['Категория', 'Тематика', 'Тема', 'Направление', 'Санат', 'Тақырып', 'Бағыты', 'Category'],
  locality: ['Населённый пункт', 'Нас. пункт', 'Село', 'Елді мекен', 'Ауыл', 'Locality', 'Village'],
  authorName: [
    'ФИО', 'Ф.И.О.', 'ФИО заявителя', 'Заявитель', 'Автор', 'Аты-жөні', 'Өтініш беруші', 'Сұрақ қоюшы', 'Author', 'Name',
  ],
  authorPhone: ['Телефон', 'Тел.', 'Контактный телефон', 'Телефон нөмірі', 'Байланыс телефоны', 'Phone'],
  body: [
    'Ответственный', 'Ответственный орган', 'Ответственный исполнитель', 'Исполнитель', 'Жауапты', 'Жауапты орган',
    'Орындаушы', 'Responsible', 'Body',
  ],
  deadline: ['Срок', 'Срок исполнения', 'Мерзімі', 'Мерзім', 'Орындау мерзімі', 'Deadline', 'Due'],
  status: ['Статус', 'Состояние', 'Мәртебе', 'Мәртебесі', 'Күйі', 'Status'],
  answer: ['Ответ', 'Результат', 'Принятые меры', 'Жауап', 'Нәтиже', 'Қабылданған шаралар', 'Answer'],
  eotinishNo: ['№ е-Өтініш', 'е-Өтініш', 'еӨтініш', 'Номер е-Өтініш', 'e-Otinish', 'Регистрационный номер', 'Тіркеу нөмірі'],
  receivedVia: ['Способ поступления', 'Источник', 'Форма обращения', 'Канал', 'Түсу тәсілі', 'Қалай түсті', 'Received via', 'Channel'],
};

/** Folded on the first import, not when the module loads: the CLI's start loads it for every command. */
let headerKeys: Record<ImportField, string[][]> | undefined;
const HEADER_KEYS = () =>
  (headerKeys ??= Object.fromEntries(Object.entries(HEADER_NAMES).map(([field, names]) => [field, names.map((n) => foldedWords(n))])) as Record<ImportField, string[][]>);

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((w, j) => haystack[i + j] === w)) return true;
  }
  return false;
}

/**
 * How well a header names a field: 0 none; an exact name beats a name inside a longer header
 * ("Дата" in "Дата поступления"), and a longer name inside beats a shorter one ("срок
 * исполнения" beats "срок" in "Срок исполнения поручения").
 */
function headerScore(header: readonly string[], field: ImportField): number {
  let best = 0;
  for (const name of HEADER_KEYS()[field]) {
    if (name.length === 0) continue;
    if (name.length === header.length && containsRun(header, name)) return 100;
    if (containsRun(header, name)) best = Math.max(best, 10 + name.length);
  }
  return best;
}

/** Columns matched to fields by their headers: the best matches first, each column and field once. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const candidates: Array<{ field: ImportField; column: number; score: number }> = [];
  headers.forEach((header, column) => {
    const key = foldedWords(header);
    if (key.length === 0) return;
    for (const field of IMPORT_FIELDS) {
      const score = headerScore(key, field);
      if (score > 0) candidates.push({ field, column, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ImportMapping = {};
  const taken = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || taken.has(c.column)) continue;
    mapping[c.field] = c.column;
    taken.add(c.column);
  }
  return mapping;
}

/* ---------------------------------------------------------------- dates */

/** Month names, folded: Russian nominative, genitive and short; Kazakh (with any ending); English. */
const RU_MONTHS: ReadonlyArray<readonly string[]> = [
  ['январь', 'января', 'янв'],
  ['февраль', 'февраля', 'фев', 'февр'],
  ['март', 'марта', 'мар'],
  ['апрель', 'апреля', 'апр'],
  ['май', 'мая'],
  ['июнь', 'июня', 'июн'],
  ['июль', 'июля', 'июл'],
  ['август', 'августа', 'авг'],
  ['сентябрь', 'сентября', 'сен', 'сент'],
  ['октябрь', 'октября', 'окт'],
  ['ноябрь', 'ноября', 'ноя', 'нояб'],
  ['декабрь', 'декабря', 'дек'],
];
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'].map(foldForSearch);
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const MONTH_BY_WORD = new Map<string, number>();
RU_MONTHS.forEach((names, i) => names.forEach((n) => MONTH_BY_WORD.set(n, i + 1)));
EN_MONTHS.forEach((n, i) => {
  MONTH_BY_WORD.set(n, i + 1);
  MONTH_BY_WORD.set(n.slice(0, 3), i + 1);
});
KK_MONTHS.forEach((n, i) => MONTH_BY_WORD.set(n, i + 1));

function monthOf(word: string): number | null {
  const exact = MONTH_BY_WORD.get(word);
  if (exact !== undefined) return exact;
  // Kazakh adds endings to the stem: "қаңтарда", "қаңтардағы".
  const i = KK_MONTHS.findIndex((stem) => word.startsWith(stem));
  return i < 0 ? null : i + 1;
}

/** Words around a date that say nothing more: "г.", "года", "жылғы", "ж.". */
const DATE_FILLERS = new Set(['г', 'год', 'года', 'году', 'ж', 'жыл', 'жылгы', 'жылы', 'y', 'year']);

function ymd(year: number, month: number, day: number): IsoDate | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included); 25569 is 1970-01-01. */
const EXCEL_EPOCH_SERIAL = 25569;
/** 1910-01-01 .. 2100-12-31: a number outside this is not a date someone meant. */
const SERIAL_RANGE = [3654, 73415] as const;

function fromSerial(serial: number): IsoDate | null {
  if (serial < SERIAL_RANGE[0] || serial > SERIAL_RANGE[1]) return null;
  const d = new Date((Math.floor(serial) - EXCEL_EPOCH_SERIAL) * 86_400_000);
  return fromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** "15 января 2025 г.", "2025 жылғы 15 қаңтар", "15-ші қаңтар 2025 ж.", "January 15, 2025". */
function fromWords(text: string): IsoDate | null {
  const parts = foldedWords(text.replace(/(\d)\s*-\s*\p{L}+/gu, '$1'));
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  for (const w of parts) {
    if (/^\d{4}$/.test(w) && year === null) year = Number(w);
    else if (/^\d{1,2}$/.test(w) && day === null) day = Number(w);
    else if (DATE_FILLERS.has(w)) continue;
    else {
      const m = monthOf(w);
      if (m === null || month !== null) return null;
      month = m;
    }
  }
  return year !== null && month !== null && day !== null ? ymd(year, month, day) : null;
}

/**
 * A calendar date from a cell: a date the spreadsheet stores; a day number (an Excel date
 * without a date format); or text as people type it: 15.01.2025, 15/01/25, 2025-01-15,
 * "15 января 2025 г.", "2025 жылғы 15 қаңтар". Day first, as in Kazakhstan; null when it is
 * none of these or not a real day.
 */
export function parseLegacyDate(cell: ImportCell): IsoDate | null {
  if (cell.date) return cell.date;
  if (cell.number !== null) return fromSerial(cell.number);
  const text = cell.text.trim();
  if (text === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s][\d:.]*Z?)?$/.exec(text);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:\s*(?:г|ж)\.?)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u.exec(text);
  if (dotted) return ymd(fullYear(dotted[3]!), Number(dotted[2]), Number(dotted[1]));
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return fromSerial(Number(text.replace(',', '.')));
  return fromWords(text);
}

/* ---------------------------------------------------------------- kinds, channels */

function lookupTable<T extends string>(codes: readonly T[], names: Record<T, readonly string[]>): Map<string, T> {
  const table = new Map<string, T>();
  for (const code of codes) {
    table.set(nameKey(code), code);
    for (const n of names[code]) table.set(nameKey(n), code);
  }
  return table;
}

const KIND_NAMES: Record<IssueKind, readonly string[]> = {
  question: ['вопрос', 'сұрақ', 'question'],
  proposal: ['предложение', 'ұсыныс', 'proposal'],
  remark: ['замечание', 'ескерту', 'remark'],
  complaint: ['жалоба', 'шағым', 'complaint'],
  request: ['просьба', 'заявление', 'өтініш', 'өтінім', 'арыз', 'request'],
};
const KINDS = lookupTable(ISSUE_KINDS, KIND_NAMES);

const VIA_NAMES: Record<ReceivedVia, readonly string[]> = {
  oral: ['устно', 'устный', 'устное', 'ауызша', 'oral', 'orally'],
  written: ['письменно', 'письменный', 'письменное', 'жазбаша', 'written', 'in writing'],
  advance_email: ['электронная почта', 'эл. почта', 'e-mail', 'email', 'электрондық пошта', 'эл. пошта'],
  advance_box: ['ящик', 'ящик для вопросов', 'жәшік', 'сұрақтар жәшігі', 'box'],
  advance_website: ['сайт', 'веб-сайт', 'интернет-ресурс', 'интернет-ресурсы', 'website'],
  call_centre: ['call-центр', 'колл-центр', 'call-орталық', 'call centre', 'call center'],
  personal_reception: ['личный прием', 'личный приём', 'жеке қабылдау', 'personal reception'],
};
const VIAS = lookupTable(RECEIVED_VIA, VIA_NAMES);

export function parseIssueKind(text: string): IssueKind | null {
  return KINDS.get(nameKey(text)) ?? null;
}

export function parseReceivedVia(text: string): ReceivedVia | null {
  return VIAS.get(nameKey(text)) ?? null;
}

/* ---------------------------------------------------------------- phones, e-Otinish */

/**
 * A number someone could dial: digits with the usual separators; a village's 5–7 digits, a
 * 10-digit number (701 123 45 67), 11 digits from 7 or 8 (8 701 123 45 67), or + and 11–15.
 */
export function isPlausiblePhone(text: string): boolean {
  const t = text.trim();
  if (!/^\+?[\d\s()-]+$/.test(t)) return false;
  const digits = t.replace(/\D/g, '');
  const n = digits.length;
  if (t.startsWith('+')) return n >= 11 && n <= 15;
  return (n >= 5 && n <= 7) || (n === 10 && digits.startsWith('7')) || (n === 11 && /^[78]/.test(digits));
}

export function isEotinishNo(text: string): boolean {
  return EOTINISH_PATTERN.test(text.trim().toUpperCase());
}

/* ---------------------------------------------------------------- reference lookups */

/** An entry, nothing (a value the user chose to leave empty), or why the value names none. */
export type Resolved = { id: string | null } | { problem: 'unknown' | 'ambiguous' | 'outside_unit' | 'no_outcome' };

/** A row of editable reference data (category, status, body) as the import matches it. */
export interface RefRow {
  id: string;
  code: string | null;
  nameKk: string;
  nameRu: string;
}

/** By name in kk or ru (folded) or by code; names people write for a status but the log derives. */
export function refResolver(rows: readonly RefRow[], aliases: Record<string, string> = {}): (text: string) => Resolved {
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    if (key === '') return;
    const set = byKey.get(key) ?? new Set<string>();
    set.add(id);
    byKey.set(key, set);
  };
  for (const r of rows) {
    if (r.code) add(nameKey(r.code), r.id);
    add(nameKey(r.nameKk), r.id);
    add(nameKey(r.nameRu), r.id);
  }
  for (const [alias, code] of Object.entries(aliases)) {
    const target = rows.find((r) => r.code === code);
    if (target) add(nameKey(alias), target.id);
  }
  return (text) => {
    const ids = byKey.get(nameKey(text));
    if (!ids) return { problem: 'unknown' };
    if (ids.size > 1) return { problem: 'ambiguous' };
    return { id: [...ids][0]! };
  };
}

/**
 * Status names legacy logs use for what Esep derives: "overdue" is an open issue past its
 * deadline, so it is imported as in progress and shows as overdue by itself.
 */
export const STATUS_ALIASES: Record<string, string> = {
  'Просрочено': 'in_progress',
  'В работе с просрочкой': 'in_progress',
  'На исполнении': 'in_progress',
  'Мерзімі өткен': 'in_progress',
  'Жұмыста': 'in_progress',
  'Исполнен': 'done',
  'Выполнено': 'done',
  'Разъяснен': 'explained',
};

export interface PlaceRow {
  kato: string;
  kind: string;
  nameKk: string;
  nameRu: string;
  /** Inside the unit the issues go to (not only in the working set). */
  inUnit: boolean;
}

/** "с.", "село", "а.", "ауылы", "п.", "кент"…: how a place's kind is written around its name. */
const PLACE_WORDS = new Set(['с', 'село', 'п', 'пос', 'поселок', 'г', 'город', 'ст', 'станция', 'аул', 'а', 'ауыл', 'ауылы', 'к', 'кент', 'кенти', 'кала', 'каласы']);

/** A village's name without its kind: "с.Карааул", "село Карааул" and "Карааул" meet. */
export function placeKey(name: string): string {
  return foldedWords(name)
    .filter((w) => !PLACE_WORDS.has(w))
    .join(' ');
}

/**
 * A locality by KATO code, by its full name (folded), or by its name without "с."/"а.". When a
 * rural okrug and its central village share a name, the village is meant.
 */
export function placeResolver(places: readonly PlaceRow[]): (text: string) => Resolved {
  const byName = new Map<string, PlaceRow[]>();
  const byKey = new Map<string, PlaceRow[]>();
  const push = (map: Map<string, PlaceRow[]>, key: string, p: PlaceRow) => {
    if (key === '') return;
    const list = map.get(key) ?? [];
    if (!list.includes(p)) list.push(p);
    map.set(key, list);
  };
  for (const p of places) {
    push(byName, nameKey(p.nameKk), p);
    push(byName, nameKey(p.nameRu), p);
    push(byKey, placeKey(p.nameKk), p);
    push(byKey, placeKey(p.nameRu), p);
  }
  const decide = (found: PlaceRow[]): Resolved => {
    const inUnit = found.filter((p) => p.inUnit);
    const pool = inUnit.length > 0 ? inUnit : found;
    const villages = pool.filter((p) => p.kind === 'locality' || p.kind === 'village' || p.kind === 'settlement');
    const pick = pool.length === 1 ? pool[0]! : villages.length === 1 ? villages[0]! : null;
    if (!pick) return { problem: 'ambiguous' };
    return pick.inUnit ? { id: pick.kato } : { problem: 'outside_unit' };
  };
  return (text) => {
    const t = text.trim();
    if (/^\d{9}$/.test(t)) {
      const p = places.find((x) => x.kato === t);
      return p ? decide([p]) : { problem: 'unknown' };
    }
    const found = byName.get(nameKey(t)) ?? byKey.get(placeKey(t)) ?? [];
    return found.length === 0 ? { problem: 'unknown' } : decide(found);
  };
}

/* ---------------------------------------------------------------- rows */

/** What a valid row becomes: the input of the log's own "create an issue". */
export interface ImportDraft {
  row: number;
  raisedOn: IsoDate;
  kind: IssueKind;
  receivedVia: ReceivedVia;
  text: string;
  categoryId: string | null;
  localityKato: string | null;
  bodyId: string | null;
  deadline: IsoDate | null;
  /** null: not mapped or empty (the log's first status). */
  statusId: string | null;
  answer: string;
  eotinishNo: string;
  author: { fullName: string; phone: string } | null;
}

export interface ImportRules {
  today: IsoDate;
  category: (text: string) => Resolved;
  status: (text: string) => Resolved;
  body: (text: string) => Resolved;
  locality: (text: string) => Resolved;
  /** The registry number of an issue of the unit with this date and text (textKey), if any. */
  existing: (raisedOn: IsoDate, textKey: string) => number | null;
}

const active = (row: { archived: boolean }) => !row.archived;

/**
 * The rules from the reference data as stored: archived rows may stay on old issues but are
 * not chosen anew (the log's own rule); a status that closes an issue must say with what
 * outcome, which a legacy log cannot tell, so one without its own outcome is not taken.
 */
export function importRulesFrom(data: {
  today: IsoDate;
  categories: ReadonlyArray<RefRow & { archived: boolean }>;
  statuses: ReadonlyArray<RefRow & { archived: boolean; closed: boolean; outcome: string | null }>;
  bodies: ReadonlyArray<Omit<RefRow, 'code'> & { archived: boolean }>;
  places: readonly PlaceRow[];
  existing: ImportRules['existing'];
}): ImportRules {
  const statuses = data.statuses.filter(active);
  const findStatus = refResolver(statuses, STATUS_ALIASES);
  return {
    today: data.today,
    category: refResolver(data.categories.filter(active)),
    status: (text) => {
      const found = findStatus(text);
      if (!('id' in found)) return found;
      const status = statuses.find((s) => s.id === found.id)!;
      return status.closed && status.outcome === null ? { problem: 'no_outcome' } : found;
    },
    body: refResolver(data.bodies.filter(active).map((b) => ({ ...b, code: null }))),
    locality: placeResolver(data.places),
    existing: data.existing,
  };
}

export interface RowCheck {
  row: number;
  draft: ImportDraft | null;
  problems: ImportProblem[];
  /** The start of the issue's text, for the user to recognise the row in the report. */
  excerpt: string;
}

export interface ImportRowResult {
  /** The spreadsheet's row number, as the user sees it in Excel. */
  row: number;
  ok: boolean;
  /** What is wrong, per field: an error code the renderer words in the user's language. */
  problems: ImportProblem[];
  /** The start of the row's issue text, to recognise it. */
  excerpt: string;
  /** The registry number the row was imported as; null when it was not imported. */
  registryNo: number | null;
}

export interface ImportReport {
  rows: ImportRowResult[];
  valid: number;
  invalid: number;
  /** How many were imported (0 on a check, or when invalid rows stopped the import). */
  imported: number;
  /** The bodies and categories the import created for values of the file (on a check: would create). */
  created: CreatedEntry[];
}

/** The checks as the user reads them; `imported`: row → the registry number it went in as. */
export function importReport(checks: readonly RowCheck[], imported: ReadonlyMap<number, number> = new Map(), created: CreatedEntry[] = []): ImportReport {
  const rows = checks.map((c) => ({ row: c.row, ok: c.draft !== null, problems: c.problems, excerpt: c.excerpt, registryNo: imported.get(c.row) ?? null }));
  const valid = rows.filter((r) => r.ok).length;
  return { rows, valid, invalid: rows.length - valid, imported: imported.size, created };
}

/** A valid row as the fields of the log's "create an issue" (what a legacy log cannot say is left at its default). */
export function issueFieldsOf(draft: ImportDraft) {
  return {
    kind: draft.kind,
    receivedVia: draft.receivedVia,
    collective: false,
    text: draft.text,
    categoryId: draft.categoryId,
    localityKato: draft.localityKato,
    answeredOnSpot: false,
    answer: draft.answer,
    bodyId: draft.bodyId,
    personId: null,
    deadline: draft.deadline,
    onControl: false,
    controller: '',
    eotinishNo: draft.eotinishNo,
    repeatsId: null,
  };
}

/** The largest text each field holds (the log's own limits). */
const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  text: 10_000,
  answer: 10_000,
  authorName: 300,
  authorPhone: 40,
};

const EXCERPT = 80;
const VALUE = 120;
const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The text as duplicates are recognised: case, ё, Kazakh letters, spacing and punctuation aside. */
export function issueTextKey(text: string): string {
  return nameKey(text);
}

/**
 * Every row checked the same way, problems listed per field. A row repeating an earlier row of
 * the file (same date and text) or an issue already in the log is a problem too: importing the
 * same file twice then changes nothing.
 */
export function checkImportRows(
  rows: ReadonlyArray<{ row: number; cells: readonly ImportCell[] }>,
  mapping: ImportMapping,
  rules: ImportRules,
): RowCheck[] {
  const seen = new Map<string, number>();
  return rows.map(({ row, cells }) => {
    const result = checkRow(row, cells, mapping, rules);
    if (result.draft) {
      const key = `${result.draft.raisedOn}\u0000${issueTextKey(result.draft.text)}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        result.problems.push({ field: 'text', code: 'duplicate_in_file', value: String(earlier) });
        result.draft = null;
      } else {
        seen.set(key, row);
      }
    }
    return result;
  });
}

function checkRow(row: number, cells: readonly ImportCell[], mapping: ImportMapping, rules: ImportRules): RowCheck {
  const problems: ImportProblem[] = [];
  const cell = (field: ImportField): ImportCell => {
    const column = mapping[field];
    return column === undefined ? EMPTY_CELL : (cells[column] ?? EMPTY_CELL);
  };
  const text = (field: ImportField): string => {
    const value = cell(field).text.trim();
    const max = MAX_LENGTH[field];
    if (max !== undefined && value.length > max) problems.push({ field, code: 'too_long', value: shorten(value, VALUE) });
    return value;
  };
  const problem = (field: ImportField, code: ImportProblemCode, value = cell(field).text) => {
    problems.push({ field, code, value: shorten(value.trim(), VALUE) });
  };
  const date = (field: ImportField, required: boolean): IsoDate | null => {
    const c = cell(field);
    if (c.text.trim() === '' && c.date === null && c.number === null) {
      if (required) problem(field, 'required');
      return null;
    }
    const parsed = parseLegacyDate(c);
    if (parsed === null) problem(field, 'date_invalid');
    return parsed;
  };
  const resolve = (field: ImportField, resolver: (text: string) => Resolved): string | null => {
    const value = text(field);
    if (value === '') return null;
    const found = resolver(value);
    if ('id' in found) return found.id;
    problem(field, found.problem);
    return null;
  };

  const issueText = text('text');
  if (issueText === '') problem('text', 'required');
  const raisedOn = date('raisedOn', true);
  if (raisedOn && raisedOn > rules.today) problem('raisedOn', 'date_in_future');
  const deadline = date('deadline', false);
  if (raisedOn && deadline && deadline < raisedOn) problem('deadline', 'deadline_before_raised');

  const kindText = text('kind');
  const kind = kindText === '' ? 'question' : parseIssueKind(kindText);
  if (kind === null) problem('kind', 'unknown');
  const viaText = text('receivedVia');
  const receivedVia = viaText === '' ? 'written' : parseReceivedVia(viaText);
  if (receivedVia === null) problem('receivedVia', 'unknown');

  const categoryId = resolve('category', rules.category);
  const statusId = resolve('status', rules.status);
  const bodyId = resolve('body', rules.body);
  const localityKato = resolve('locality', rules.locality);

  const phone = text('authorPhone');
  if (phone !== '' && !isPlausiblePhone(phone)) problem('authorPhone', 'phone_invalid');
  const eotinishNo = text('eotinishNo');
  if (eotinishNo !== '' && !isEotinishNo(eotinishNo)) problem('eotinishNo', 'eotinish_invalid');
  const fullName = text('authorName');
  const answer = text('answer');

  if (raisedOn && issueText !== '') {
    const existing = rules.existing(raisedOn, issueTextKey(issueText));
    if (existing !== null) problem('text', 'duplicate', String(existing));
  }

  const excerpt = shorten(issueText.replace(/\s+/g, ' '), EXCERPT);
  if (problems.length > 0 || raisedOn === null || kind === null || receivedVia === null) return { row, draft: null, problems, excerpt };
  return {
    row,
    problems,
    excerpt,
    draft: {
      row,
      raisedOn,
      kind,
      receivedVia,
      text: issueText,
      categoryId,
      localityKato,
      bodyId,
      deadline,
      statusId,
      answer,
      eotinishNo,
      author: fullName === '' && phone === '' ? null : { fullName, phone },
    },
  };
}
