import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFileType, EXTENSIONS, nameForType, type FileType } from '../../electron/core/files/file-type';
import { safeFileName } from '../../electron/core/files/safe-file-name';

const TYPES = Object.keys(EXTENSIONS) as FileType[];
/** What no attachment's name may end in, whatever its bytes: Windows runs or renders these. */
const RUNNABLE = ['exe', 'com', 'bat', 'cmd', 'scr', 'pif', 'hta', 'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'lnk', 'url', 'msi', 'ps1', 'reg', 'cpl', 'jar', 'html', 'htm', 'svg', 'chm', 'zip', 'doc'];

describe('detectFileType', () => {
  it('tells the type from the bytes alone, whatever the name', () => {
    const ooxml = (folder: string) => Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), [`${folder}/main.xml`]: strToU8('<x/>') }));
    expect(detectFileType(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(detectFileType(ooxml('word'))).toBe('docx');
    expect(detectFileType(ooxml('ppt'))).toBe('pptx');
    expect(detectFileType(ooxml('xl'))).toBe('xlsx');
    expect(detectFileType(Buffer.from(zipSync({ 'a.txt': strToU8('a') })))).toBeNull();
    expect(detectFileType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectFileType(Buffer.from('<HTA:APPLICATION/>%PDF-'))).toBeNull();
  });
});

describe('nameForType', () => {
  it.each<[string, FileType, string | null]>([
    ['скан.pdf', 'pdf', 'скан.pdf'],
    ['Фото.JPG', 'jpeg', 'Фото.JPG'],
    ['фото.jfif', 'jpeg', 'фото.jfif'],
    ['фото.jpg', 'png', 'фото.png'],
    ['есеп.pdf', 'docx', 'есеп.docx'],
    ['хаттама', 'pdf', 'хаттама.pdf'],
    ['.pdf', 'pdf', '_pdf.pdf'],
    ['хаттама 12.03.2025', 'pdf', null],
    ['скан.hta', 'pdf', null],
    ['скан.pdf.exe', 'pdf', null],
    ['deck.zip', 'pptx', null],
    ['скан.exe.', 'pdf', null],
    ['скан\u202Efdp.exe', 'pdf', null],
    ['aux.png', 'png', '_aux.png'],
  ])('names %j holding %s as %j', (name, type, expected) => {
    expect(nameForType(name, type)).toBe(expected);
  });

  it('gives a safe name with an extension of the type, or refuses; never one that runs', () => {
    const name = fc.tuple(fc.string({ maxLength: 30 }), fc.constantFrom('', ...RUNNABLE, ...Object.values(EXTENSIONS).flat()), fc.constantFrom('', '.', ' ', '. ', '\u202E'));
    fc.assert(
      fc.property(name, fc.constantFrom(...TYPES), ([stem, extension, tail], type) => {
        const named = nameForType(`${stem}${extension ? `.${extension}` : ''}${tail}`, type);
        if (named === null) return;
        expect(safeFileName(named)).toBe(named);
        const last = named.slice(named.lastIndexOf('.') + 1).toLowerCase();
        expect(EXTENSIONS[type]).toContain(last);
      }),
      { numRuns: 3000 },
    );
    for (const extension of RUNNABLE) for (const type of TYPES) expect(nameForType(`скан.${extension}`, type)).toBeNull();
  });
});
