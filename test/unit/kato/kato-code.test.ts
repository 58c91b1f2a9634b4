import { describe, expect, it } from 'vitest';
import { isKatoCode, parentCandidates, resolveParent } from '../../../shared/domain/kato/kato-code';

describe('isKatoCode', () => {
  it.each(['710000000', '113820100', '012345678', '000000000'])('accepts %s', (code) => {
    expect(isKatoCode(code)).toBe(true);
  });

  it.each([
    ['8 digits', '71000000'],
    ['10 digits', '7100000000'],
    ['letters', '71000000A'],
    ['Cyrillic letter', '71000000О'],
    ['leading space', ' 71000000'],
    ['trailing space', '710000000 '],
    ['inner space', '710 000 000'],
    ['trailing newline', '710000000\n'],
    ['sign', '+71000000'],
    ['decimal point', '71000000.'],
    ['fullwidth digits', '７１０００００００'],
    ['Arabic-Indic digits', '٧١٠٠٠٠٠٠٠'],
    ['empty', ''],
  ])('rejects %s', (_why, code) => {
    expect(isKatoCode(code)).toBe(false);
  });

  it('rejects numbers, even 9-digit ones: codes are text', () => {
    expect(isKatoCode(710000000)).toBe(false);
    expect(isKatoCode(null)).toBe(false);
    expect(isKatoCode(undefined)).toBe(false);
  });

  it('keeps a leading zero: the code stays the same string all the way through', () => {
    const code = '012345678';
    expect(isKatoCode(code)).toBe(true);
    expect(typeof code).toBe('string');
    expect(parentCandidates(code)).toEqual(['012345000', '012300000', '010000000']);
    expect(resolveParent(code, (c) => c === '010000000')).toBe('010000000');
  });
});

describe('parentCandidates', () => {
  it.each([
    ['settlement row', '113820100', ['113820000', '113800000', '110000000']],
    ['sub-district row', '103620000', ['103600000', '100000000']],
    ['district row', '113800000', ['110000000']],
    ['settlement row directly under a district code (EF=00)', '632400485', ['632400000', '630000000']],
    ['top-level row', '710000000', []],
  ])('%s %s', (_why, code, expected) => {
    expect(parentCandidates(code)).toEqual(expected);
  });

  it('throws on a non-code', () => {
    expect(() => parentCandidates('11382010')).toThrow(/KATO code/);
  });
});

describe('resolveParent', () => {
  const codes = new Set(['110000000', '113800000', '103600000', '103620000', '100000000']);
  const exists = (c: string) => codes.has(c);

  it('takes the nearest existing candidate', () => {
    expect(resolveParent('103620100', exists)).toBe('103620000');
    expect(resolveParent('103620000', exists)).toBe('103600000');
  });

  it('skips a missing level: г.Атбасар has no г.а. row and hangs off its district', () => {
    expect(resolveParent('113820100', exists)).toBe('113800000');
  });

  it('is null for a top-level code and for an orphan', () => {
    expect(resolveParent('110000000', exists)).toBeNull();
    expect(resolveParent('990000100', exists)).toBeNull();
  });
});
