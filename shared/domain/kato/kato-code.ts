/**
 * A KATO code: 9 digits `AB CD EF HHH` (oblast, district, sub-district, settlement segments).
 * Always text: current codes start with 1–7, but the classifier's format allows a leading
 * zero, and a number would also silently drop it in spreadsheets, JSON and SQLite.
 */
export type KatoCode = string;

const KATO_CODE = /^[0-9]{9}$/;

/** Exactly 9 ASCII digits, as a string (a number, even a 9-digit one, is rejected). */
export function isKatoCode(value: unknown): value is KatoCode {
  return typeof value === 'string' && KATO_CODE.test(value);
}

function assertKatoCode(code: string): void {
  if (!isKatoCode(code)) throw new Error(`Not a KATO code (9 digits expected): ${JSON.stringify(code)}`);
}

/**
 * Codes that may be the parent of `code`, nearest first: ABCDEF000, ABCD00000, AB0000000.
 * The classifier has no parent column and skips levels (a village can hang directly off a
 * district or a city administration), so the parent is the first of these that exists.
 */
export function parentCandidates(code: KatoCode): KatoCode[] {
  assertKatoCode(code);
  const candidates = [
    `${code.slice(0, 6)}000`,
    `${code.slice(0, 4)}00000`,
    `${code.slice(0, 2)}0000000`,
  ];
  return candidates.filter((c, i) => c !== code && candidates.indexOf(c) === i);
}

/** The nearest existing candidate parent, or null for a top-level unit (or an orphan). */
export function resolveParent(code: KatoCode, exists: (code: KatoCode) => boolean): KatoCode | null {
  return parentCandidates(code).find(exists) ?? null;
}
