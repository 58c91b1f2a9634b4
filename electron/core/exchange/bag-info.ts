import { z } from 'zod';
import { EsepError } from '../../../shared/errors';
import { isKatoCode } from '../../../shared/domain/kato/kato-code';
import { parsePeriod, periodKey } from '../../../shared/domain/reports/period';
import { BAG_INFO_TXT, decodeTagFile, tagLines } from './tag-files';

/**
 * bag-info.txt of an Esep package: the RFC's reserved elements Esep fills (Bagging-Date,
 * Payload-Oxum) and Bag-Software-Agent, then the Esep-* elements that say whose package it is
 * and where it stands in its origin's sequence. One table of fields serves the writer and the
 * reader, so what is written is exactly what is accepted.
 */

/** The format of the Esep elements and the package around them; a reader refuses a version it does not know. */
export const FORMAT_VERSION = 1;

/** RFC 8493 §2.2.2 recommends lines of at most 79 characters; Esep's fields are sized so no line needs folding. */
export const MAX_LINE = 79;
/** A bag-info.txt larger than this is not an Esep one. */
export const MAX_BAG_INFO_BYTES = 64 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** An instant in UTC, to the second or the millisecond, as Date#toISOString writes it. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const COUNT = /^[1-9][0-9]{0,14}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const APP_VERSION = /^[0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.+-]{1,32})?$/;
/** The KATO classifier's edition as recorded on load (`NK RK 11-2025`): letters, digits, a few marks. */
const KATO_EDITION = /^[\p{L}\p{N}][\p{L}\p{N} ._/()-]{0,47}$/u;

const isInstant = (v: string) => INSTANT.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 19) === v.slice(0, 19);
const count = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The Esep-* fields a package carries (the signing key is the signer's, the rest the caller's). */
export const PackageInfoSchema = z.object({
  packageId: z.string().regex(UUID),
  originInstallation: z.string().regex(UUID),
  originUnit: z.string().refine(isKatoCode),
  /** As the CLI names periods, in the shortest form: `2026`, `2026-H1`, `2026-Q3`, `2026-01-01..2026-02-15`. */
  period: z.string().refine((v) => {
    const p = parsePeriod(v);
    return p !== null && periodKey(p) === v;
  }),
  created: z.string().refine(isInstant),
  appVersion: z.string().max(40).regex(APP_VERSION),
  schemaVersion: count,
  katoEdition: z.string().regex(KATO_EDITION),
  /** This origin's packages are numbered 1, 2, 3… in the order made. */
  sequence: count,
  previousPackage: z.string().regex(UUID).nullable(),
})
  // The chain an importer follows to see a gap: only an origin's first package has no previous one.
  .refine((info) => (info.sequence === 1) === (info.previousPackage === null), { path: ['previousPackage'] });

export type PackageInfo = z.infer<typeof PackageInfoSchema>;

/** bag-info label of each field, and how its text reads and writes. */
const FIELDS: ReadonlyArray<{ key: keyof PackageInfo; label: string; number?: true; optional?: true }> = [
  { key: 'packageId', label: 'Esep-Package-Id' },
  { key: 'originInstallation', label: 'Esep-Origin-Installation' },
  { key: 'originUnit', label: 'Esep-Origin-Unit' },
  { key: 'period', label: 'Esep-Period' },
  { key: 'created', label: 'Esep-Created' },
  { key: 'sequence', label: 'Esep-Sequence', number: true },
  { key: 'previousPackage', label: 'Esep-Previous-Package', optional: true },
  { key: 'appVersion', label: 'Esep-App-Version' },
  { key: 'schemaVersion', label: 'Esep-Schema-Version', number: true },
  { key: 'katoEdition', label: 'Esep-Kato-Edition' },
];

export const LABEL = {
  softwareAgent: 'Bag-Software-Agent',
  baggingDate: 'Bagging-Date',
  oxum: 'Payload-Oxum',
  formatVersion: 'Esep-Format-Version',
  signingKey: 'Esep-Signing-Key',
} as const;

/** Labels that may occur once only (RFC 8493 §2.2.2 for Payload-Oxum; Esep's own for the rest). */
const SINGLE = new Set([LABEL.softwareAgent, LABEL.baggingDate, LABEL.oxum, LABEL.formatVersion, LABEL.signingKey, ...FIELDS.map((f) => f.label)].map((l) => l.toLowerCase()));

export type BagInfoElement = readonly [label: string, value: string];

export interface BagInfoHeader {
  softwareAgent: string;
  /** YYYY-MM-DD (RFC 8493 §2.2.2), the UTC day of `created`. */
  baggingDate: string;
  /** OctetCount.StreamCount of the payload. */
  oxum: string;
  /** The signer's public key as `minisign -P` takes it. */
  signingKey: string;
}

/** The elements in the order Esep writes them: the RFC's, then the format version and the signer, then the package's. */
export function bagInfoElements(header: BagInfoHeader, info: PackageInfo): BagInfoElement[] {
  const elements: BagInfoElement[] = [
    [LABEL.softwareAgent, header.softwareAgent],
    [LABEL.baggingDate, header.baggingDate],
    [LABEL.oxum, header.oxum],
    [LABEL.formatVersion, String(FORMAT_VERSION)],
    [LABEL.signingKey, header.signingKey],
  ];
  for (const field of FIELDS) {
    const value = info[field.key];
    if (value !== null) elements.push([field.label, String(value)]);
  }
  return elements;
}

/**
 * `Label: value` per line, LF-terminated (RFC 8493 §2.2.2: a label, a colon, one space, the
 * value). Esep never folds: a line over MAX_LINE characters, or a value with a line break, is a
 * caller's error.
 */
export function formatBagInfo(elements: readonly BagInfoElement[]): string {
  return elements
    .map(([label, value]) => {
      const line = `${label}: ${value}`;
      if (/[\r\n]/.test(line) || line.length > MAX_LINE) throw new RangeError(`bag-info line too long or broken: ${label}`);
      return `${line}\n`;
    })
    .join('');
}

function infoError(field: string, reason: string): EsepError {
  return new EsepError('package_info_invalid', { field, reason });
}

/**
 * The elements of a bag-info.txt, in order. RFC 8493 §2.2.2: `label: value`, one space or tab
 * after the colon; a label without colons and without whitespace at either end; a value
 * continued on lines that start with spaces or tabs. A continuation is joined to the value with
 * one space, its indentation dropped (Esep writes no continuations). Blank lines are refused (the
 * RFC's grammar has none).
 */
export function parseBagInfo(bytes: Uint8Array): BagInfoElement[] {
  if (bytes.length > MAX_BAG_INFO_BYTES) throw new EsepError('package_format', { file: BAG_INFO_TXT, reason: 'too_large' });
  const elements: Array<[string, string]> = [];
  tagLines(decodeTagFile(bytes, BAG_INFO_TXT), BAG_INFO_TXT).forEach((line, i) => {
    const last = elements.at(-1);
    if (/^[ \t]/.test(line) && last && line.trim() !== '') {
      last[1] = `${last[1]} ${line.replace(/^[ \t]+/, '')}`;
      return;
    }
    const m = /^([^:\s](?:[^:]*[^:\s])?):[ \t](.*)$/.exec(line);
    if (!m) throw new EsepError('package_format', { file: BAG_INFO_TXT, reason: 'element', line: i + 1 });
    elements.push([m[1]!, m[2]!]);
  });
  return elements;
}

/** Every element with this label (labels compare case-insensitively, as the RFC's reserved ones do). */
function valuesOf(elements: readonly BagInfoElement[], label: string): string[] {
  return elements.filter(([l]) => l.toLowerCase() === label.toLowerCase()).map(([, v]) => v);
}

/** The one value of a label that must occur once, or null when absent. */
export function singleValue(elements: readonly BagInfoElement[], label: string): string | null {
  const values = valuesOf(elements, label);
  if (values.length > 1) throw infoError(label, 'repeated');
  return values[0] ?? null;
}

function required(elements: readonly BagInfoElement[], label: string): string {
  const value = singleValue(elements, label);
  if (value === null) throw infoError(label, 'missing');
  return value;
}

export interface ReadBagInfo {
  header: BagInfoHeader;
  info: PackageInfo;
}

/**
 * The package's fields from its bag-info elements: every Esep field present once and well
 * formed, the format version one this reader knows. Elements Esep does not know are allowed
 * (RFC 8493 §2.2.2) and ignored; the RFC's reserved ones it does not use as well.
 */
export function readBagInfo(elements: readonly BagInfoElement[]): ReadBagInfo {
  for (const [label] of elements) if (SINGLE.has(label.toLowerCase())) singleValue(elements, label);
  const version = required(elements, LABEL.formatVersion);
  if (version !== String(FORMAT_VERSION)) throw new EsepError('package_version_unsupported', { version });
  const baggingDate = required(elements, LABEL.baggingDate);
  if (!DATE.test(baggingDate)) throw infoError(LABEL.baggingDate, 'malformed');
  const header: BagInfoHeader = {
    softwareAgent: singleValue(elements, LABEL.softwareAgent) ?? '',
    baggingDate,
    oxum: required(elements, LABEL.oxum),
    signingKey: required(elements, LABEL.signingKey),
  };
  const raw: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const text = field.optional ? singleValue(elements, field.label) : required(elements, field.label);
    if (text !== null && field.number && !COUNT.test(text)) throw infoError(field.label, 'malformed');
    raw[field.key] = text === null ? null : field.number ? Number(text) : text;
  }
  const parsed = PackageInfoSchema.safeParse(raw);
  if (!parsed.success) {
    const key = parsed.error.issues[0]!.path[0] as keyof PackageInfo;
    throw infoError(FIELDS.find((f) => f.key === key)!.label, 'malformed');
  }
  return { header, info: parsed.data };
}
