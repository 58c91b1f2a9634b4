import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFileName, MAX_DOCUMENT_NAME, numberedFileName, safeFileName } from '../../electron/core/files/safe-file-name';

/** C1 controls, and the bidirectional and byte-order marks (Unicode's Bidi_Control, and U+FEFF), by code point. */
const HIDDEN = [
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

/**
 * What Windows, FAT32 and exFAT accept (and what a person reads as it is), written from Microsoft's "Naming Files, Paths, and
 * Namespaces" apart from the code under test, plus ext4's 255-byte limit.
 */
function problemsOnWindows(name: string): string[] {
  const problems: string[] = [];
  if (name.length === 0) problems.push('empty');
  if (name.length > 255) problems.push('over 255 UTF-16 units');
  if (Buffer.byteLength(name, 'utf8') > 255) problems.push('over 255 bytes of UTF-8');
  if ([...name].some((c) => c.codePointAt(0)! < 32 || '<>:"/\\|?*'.includes(c))) problems.push('a forbidden character');
  if ([...name].some((c) => HIDDEN.includes(c.codePointAt(0)!))) problems.push('a character that hides what the name says');
  if (/[. ]$/.test(name)) problems.push('ends in a dot or a space');
  if (name.startsWith('.')) problems.push('starts with a dot');
  if (name !== name.trim()) problems.push('surrounding white space');
  if (Buffer.from(name, 'utf8').toString('utf8') !== name) problems.push('not valid UTF-16');
  const base = name.split('.')[0]!.replace(/ +$/, '').toUpperCase();
  const devices = ['CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$', ...[...'0123456789¹²³'].flatMap((d) => [`COM${d}`, `LPT${d}`])];
  if (devices.includes(base)) problems.push('a device name');
  return problems;
}

/** Names as people and programs write them: Kazakh, Russian, emoji, path parts, device names, dots, spaces. */
const nameChar = fc.oneof(
  fc.constantFrom(...'abcXYZ019 .-_()'),
  fc.constantFrom(...'әғқңөұүһіАҚЖЁё'),
  fc.constantFrom('<', '>', ':', '"', '/', '\\', '|', '?', '*', '\u0000', '\u001f', '\u007f', '\t', '\n', '\u00a0'),
  fc.constantFrom(...HIDDEN.map((c) => String.fromCodePoint(c))),
  fc.constantFrom('😀', '\uD83D', '\uDE00'),
  fc.string({ unit: 'binary', maxLength: 1 }),
);
const anyName = fc.oneof(
  fc.array(nameChar, { maxLength: 40 }).map((cs) => cs.join('')),
  fc.array(nameChar, { minLength: 120, maxLength: 400 }).map((cs) => cs.join('')),
  fc.tuple(fc.constantFrom('CON', 'prn', 'Aux', 'nul', 'COM1', 'lpt9', 'COM¹', 'conin$'), fc.constantFrom('', '.txt', '.tar.gz', ' .zip', '   ')).map(([d, e]) => d + e),
  fc.tuple(fc.constantFrom('CON', 'nul'), fc.nat({ max: 300 }), fc.constantFrom('.zip', 'x.zip')).map(([d, n, e]) => d + ' '.repeat(n) + e),
);
const extension = fc.stringMatching(/^[a-z0-9]{1,10}$/);
const stem = fc.array(nameChar, { minLength: 0, maxLength: 400 }).map((cs) => cs.join(''));

describe('safeFileName', () => {
  it('always gives a name Windows, FAT32, exFAT and ext4 accept', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        expect(problemsOnWindows(safeFileName(name)), JSON.stringify(name)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent: a safe name stays as it is', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const once = safeFileName(name);
        expect(safeFileName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the extension whenever the name has something before it', () => {
    fc.assert(
      fc.property(fc.tuple(fc.constantFrom('a', 'Есеп', 'х'), stem), extension, ([first, rest], ext) => {
        // The last path component is what is kept: a separator in the stem starts it anew.
        fc.pre(!/[/\\]/.test(rest));
        expect(safeFileName(`${first}${rest}.${ext}`).endsWith(`.${ext}`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['report.pdf', 'report.pdf'],
    ['..\\..\\secret.docx', 'secret.docx'],
    ['a/b/c.png', 'c.png'],
    ['con:tent?.pdf', 'con_tent_.pdf'],
    ['...', '_'],
    ['.hidden', '_hidden'],
    ['  ', 'file'],
    ['CON', '_CON'],
    ['nul.tar.gz', '_nul.tar.gz'],
    ['LPT1 .zip', '_LPT1 .zip'],
    ['COM10.zip', 'COM10.zip'],
    ['report. . ', 'report'],
    ['esep-103200000-0003.zip', 'esep-103200000-0003.zip'],
    ['счёт\u202Efdp.exe', 'счёт_fdp.exe'],
    ['a\u0085b\u061Cc\u200Ed\u2067e\uFEFFf.pdf', 'a_b_c_d_e_f.pdf'],
  ])('names %j as %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it('shortens a long Kazakh name by bytes, before its extension', () => {
    const name = `${'Қараауыл ауылдық округі '.repeat(20)}.docx`;
    const safe = safeFileName(name);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(255);
    expect(safe.endsWith('округі.docx') || safe.endsWith('.docx')).toBe(true);
    expect(safe).not.toMatch(/ \.docx$/);
    expect(name.startsWith(safe.slice(0, -'.docx'.length))).toBe(true);
  });

  it('cannot be tricked into a device name by shortening', () => {
    expect(safeFileName(`CON${' '.repeat(300)}x.zip`)).toBe('_CON.zip');
  });
});

describe('numberedFileName', () => {
  it('puts the number before the extension and stays within the limits', () => {
    expect(numberedFileName('esep-103200000-0003.zip', 2)).toBe('esep-103200000-0003 (2).zip');
    expect(numberedFileName('README', 3)).toBe('README (3)');
    fc.assert(
      fc.property(anyName, fc.integer({ min: 2, max: 999 }), (name, n) => {
        const numbered = numberedFileName(safeFileName(name), n);
        expect(problemsOnWindows(numbered)).toEqual([]);
        expect(numbered).toContain(` (${n})`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('documentFileName: the name of every exported document', () => {
  it('reads as the document, the unit and the date', () => {
    expect(documentFileName(['Хаттама', 'Қараауыл а.о.', '2026-04-08'], 'docx')).toBe('Хаттама — Қараауыл а.о. — 2026-04-08.docx');
    expect(documentFileName(['Протокол', 'Карааульский с.о.', '2026-04-08'], 'docx')).toBe('Протокол — Карааульский с.о. — 2026-04-08.docx');
  });

  it.each([
    [['Есеп', 'Абай/Семей: "жаңа" <аудан>|?*', '2025'], 'Есеп — Абай Семей жаңа аудан — 2025.pdf'],
    [['Есеп', '..\\..\\Windows\\System32', '2025'], 'Есеп — .. .. Windows System32 — 2025.pdf'],
    [['CON', '', '  '], 'CON.pdf'],
    [['NUL'], 'NUL.pdf'],
    [['  ', '\u202e\u0000'], 'esep.pdf'],
    [['.hidden', 'unit.'], '_hidden — unit.pdf'],
    [['Отчет', 'с.о.\tАкмол\n', '2025'], 'Отчет — с.о. Акмол — 2025.pdf'],
  ])('cleans hostile parts: %j', (parts, expected) => {
    const name = documentFileName(parts, 'pdf');
    expect(problemsOnWindows(name)).toEqual([]);
    if (expected === 'CON.pdf' || expected === 'NUL.pdf') expect(name).toBe(`_${expected}`);
    else expect(name).toBe(expected);
  });

  it('shortens the longest part (the unit) to 120 characters, keeping the word, the date and the extension', () => {
    const name = documentFileName(['Іс-шаралар жоспары', 'Қараауыл ауылдық округі '.repeat(10), '2025-07-01 – 2025-09-30'], 'xlsx');
    expect([...name].length).toBe(MAX_DOCUMENT_NAME);
    expect(name.startsWith('Іс-шаралар жоспары — Қараауыл ауылдық округі')).toBe(true);
    expect(name.endsWith('… — 2025-07-01 – 2025-09-30.xlsx')).toBe(true);
  });

  it('always gives a name within 120 characters that Windows, FAT32 and exFAT accept', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: nameChar, maxLength: 90 }), { maxLength: 4 }), (parts) => {
        const name = documentFileName(parts, 'docx');
        expect(problemsOnWindows(name)).toEqual([]);
        expect([...name].length).toBeLessThanOrEqual(MAX_DOCUMENT_NAME);
        expect(name.endsWith('.docx')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
