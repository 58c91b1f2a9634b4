import type { UnitKind } from '../units/unit-kind';
import { deriveKind } from './derive-kind';
import { isKatoCode, resolveParent, type KatoCode } from './kato-code';

/** One row of the classifier CSV (`resources/kato/kato.csv`), names verbatim. */
export interface KatoRow {
  code: KatoCode;
  /** Classifier edition the row comes from, e.g. `NK RK 11-2025`. */
  edition: string;
  /** The compiler's structural level; derivable from the code, kept for traceability. */
  level: KatoLevel;
  /** Workbook column `k` (0 oblast … 4 district with urban settlements). */
  typeCode: number;
  nameRu: string;
  nameKk: string;
}

export const KATO_LEVELS = ['oblast', 'district', 'sub_district', 'settlement'] as const;
export type KatoLevel = (typeof KATO_LEVELS)[number];

export interface KatoUnit {
  code: KatoCode;
  kind: UnitKind;
  nameKk: string;
  nameRu: string;
  parent: KatoCode | null;
  edition: string;
}

export const KATO_CSV_HEADER = ['kato', 'kato_version', 'level', 'type_code', 'name_ru', 'name_kk'] as const;

interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts (a quoted field may span lines). */
  line: number;
}

/** RFC 4180: `,` separators, `"` quoting with `""` escapes, LF or CRLF line ends. */
function* csvRecords(text: string): Generator<CsvRecord> {
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text[i] === '"') {
        value = '';
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new Error(`KATO CSV line ${start}: unterminated quoted field`);
          const chunk = text.slice(i, q);
          value += chunk;
          line += countNewlines(chunk);
          if (text[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        const next = text[i];
        if (i < n && next !== ',' && next !== '\n' && next !== '\r') {
          throw new Error(`KATO CSV line ${line}: unexpected ${JSON.stringify(next)} after a closing quote`);
        }
      } else {
        let j = i;
        while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') {
          if (text[j] === '"') throw new Error(`KATO CSV line ${line}: quote inside an unquoted field`);
          j++;
        }
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (i >= n) break;
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') {
        if (text[i + 1] !== '\n') throw new Error(`KATO CSV line ${line}: bare carriage return`);
        i++;
      }
      i++; // the '\n'
      line++;
      break;
    }
    yield { fields, line: start };
  }
}

function countNewlines(s: string): number {
  let count = 0;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) count++;
  return count;
}

function isKatoLevel(value: string): value is KatoLevel {
  return (KATO_LEVELS as readonly string[]).includes(value);
}

/**
 * Parses the classifier CSV. Throws, naming the line, on anything malformed: a wrong header,
 * a wrong field count, a code that is not 9 digits, a duplicate code, an empty name.
 */
export function parseKatoCsv(text: string): KatoRow[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records = csvRecords(body);
  const first = records.next();
  if (first.done) throw new Error('KATO CSV is empty: expected a header line');
  const header = first.value.fields;
  if (header.length !== KATO_CSV_HEADER.length || header.some((h, k) => h !== KATO_CSV_HEADER[k])) {
    throw new Error(
      `KATO CSV line 1: unexpected header ${JSON.stringify(header.join(','))}, ` +
        `expected ${JSON.stringify(KATO_CSV_HEADER.join(','))}`,
    );
  }

  const rows: KatoRow[] = [];
  const seen = new Set<string>();
  for (const { fields, line } of records) {
    // A blank line carries no row; tolerating one (typically at the end) costs nothing.
    if (fields.length === 1 && fields[0] === '') continue;
    const fail = (why: string): never => {
      throw new Error(`KATO CSV line ${line}: ${why}`);
    };
    if (fields.length !== KATO_CSV_HEADER.length) {
      fail(`expected ${KATO_CSV_HEADER.length} fields, found ${fields.length}`);
    }
    const [code, edition, level, typeCode, nameRu, nameKk] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!isKatoCode(code)) fail(`kato ${JSON.stringify(code)} is not a 9-digit code`);
    if (seen.has(code)) fail(`duplicate kato ${code}`);
    if (edition === '') fail('empty kato_version');
    if (!isKatoLevel(level)) fail(`unknown level ${JSON.stringify(level)}`);
    if (!/^[0-9]$/.test(typeCode)) fail(`type_code ${JSON.stringify(typeCode)} is not a digit`);
    if (nameRu.trim() === '' || nameKk.trim() === '') fail(`empty name for ${code}`);
    seen.add(code);
    rows.push({ code, edition, level: level as KatoLevel, typeCode: Number(typeCode), nameRu, nameKk });
  }
  return rows;
}

/**
 * Turns classifier rows into units, each with its parent and kind. Only the top-level rows
 * (oblasts, Astana, Almaty, Shymkent: code AB0000000) may lack a parent; any other orphan
 * means a truncated or inconsistent file and throws rather than leaving a unit off the tree.
 */
export function buildUnits(rows: readonly KatoRow[]): KatoUnit[] {
  const codes = new Set(rows.map((r) => r.code));
  const exists = (c: KatoCode) => codes.has(c);
  return rows.map((row) => {
    const parent = resolveParent(row.code, exists);
    if (parent === null && row.code.slice(2) !== '0000000') {
      throw new Error(`KATO ${row.code} (${row.nameRu}) has no parent among the rows`);
    }
    return {
      code: row.code,
      kind: deriveKind({ code: row.code, nameRu: row.nameRu, nameKk: row.nameKk, parent }),
      nameKk: row.nameKk,
      nameRu: row.nameRu,
      parent,
      edition: row.edition,
    };
  });
}
