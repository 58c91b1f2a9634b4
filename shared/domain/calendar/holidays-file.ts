import type { HolidayDay } from './holidays';

/**
 * The file an administrator exports, edits and imports: CSV (one header line, then a day a line,
 * RFC 4180 quoting, as a spreadsheet saves it) or JSON (an array of days). The same columns both ways.
 */
export const HOLIDAY_FILE_COLUMNS = ['date', 'kind', 'name_kk', 'name_ru', 'moved_from'] as const;

/** A day as it was read from a file, before the contract's schema checks it. */
export interface HolidayFileRow {
  /** The line of the CSV, or the item's index + 1 in the JSON array, for the error message. */
  line: number;
  value: { date: unknown; kind: unknown; nameKk: unknown; nameRu: unknown; movedFrom: unknown };
}

export type HolidayFileProblem = 'empty' | 'header' | 'quote' | 'json' | 'columns';

export type HolidayFileParse = { ok: true; rows: HolidayFileRow[] } | { ok: false; problem: HolidayFileProblem; line: number };

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function holidaysToCsv(days: readonly HolidayDay[]): string {
  const lines = [HOLIDAY_FILE_COLUMNS.join(',')];
  for (const d of days) lines.push([d.date, d.kind, d.nameKk, d.nameRu, d.movedFrom ?? ''].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function holidaysToJson(days: readonly HolidayDay[]): string {
  return `${JSON.stringify(
    days.map((d) => ({ date: d.date, kind: d.kind, nameKk: d.nameKk, nameRu: d.nameRu, movedFrom: d.movedFrom })),
    null,
    2,
  )}\n`;
}

/**
 * RFC 4180 records, or the line of an unclosed quote. The separator is the header's: a comma,
 * or a semicolon where a Russian-locale spreadsheet saved one.
 */
function csvRecords(text: string): { records: Array<{ line: number; fields: string[] }> } | { quoteLine: number } {
  const head = text.slice(0, text.search(/\r|\n|$/));
  const sep = head.includes(';') && !head.includes(',') ? ';' : ',';
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) return { quoteLine: start };
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
  return { records };
}

function parseCsv(text: string): HolidayFileParse {
  const parsed = csvRecords(text);
  if ('quoteLine' in parsed) return { ok: false, problem: 'quote', line: parsed.quoteLine };
  const [header, ...body] = parsed.records;
  if (!header) return { ok: false, problem: 'empty', line: 1 };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const at = HOLIDAY_FILE_COLUMNS.map((c) => names.indexOf(c));
  // moved_from may be left out; the other four name what a day is.
  if (at.slice(0, 4).some((i) => i < 0)) return { ok: false, problem: 'header', line: header.line };
  const rows: HolidayFileRow[] = [];
  for (const r of body) {
    if (r.fields.length > names.length) return { ok: false, problem: 'columns', line: r.line };
    const get = (i: number) => (i < 0 ? '' : (r.fields[i] ?? '').trim());
    const moved = get(at[4]!);
    rows.push({ line: r.line, value: { date: get(at[0]!), kind: get(at[1]!), nameKk: get(at[2]!), nameRu: get(at[3]!), movedFrom: moved === '' ? null : moved } });
  }
  if (rows.length === 0) return { ok: false, problem: 'empty', line: header.line };
  return { ok: true, rows };
}

function parseJson(text: string): HolidayFileParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'json', line: 1 };
  }
  if (!Array.isArray(data)) return { ok: false, problem: 'json', line: 1 };
  if (data.length === 0) return { ok: false, problem: 'empty', line: 1 };
  return {
    ok: true,
    rows: data.map((item: unknown, i) => {
      const o = (item !== null && typeof item === 'object' ? item : {}) as Record<string, unknown>;
      return { line: i + 1, value: { date: o['date'], kind: o['kind'], nameKk: o['nameKk'] ?? '', nameRu: o['nameRu'] ?? '', movedFrom: o['movedFrom'] ?? null } };
    }),
  };
}

/** A file's days, read as JSON when it is an array and as CSV otherwise (a byte-order mark dropped). */
export function parseHolidaysFile(content: string): HolidayFileParse {
  const text = content.replace(/^\uFEFF/, '');
  return text.trimStart().startsWith('[') ? parseJson(text) : parseCsv(text);
}
