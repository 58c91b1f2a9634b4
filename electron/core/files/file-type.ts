import { safeFileName } from './safe-file-name';

/** The attachment types the app accepts, told by their bytes and never by their name alone. */
export type FileType = 'jpeg' | 'png' | 'webp' | 'pdf' | 'docx' | 'pptx' | 'xlsx';

export const MIME: Record<FileType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The allow-list of extensions, by the type a file's bytes show; the first is the one Esep
 * gives a file it names. No other extension is ever stored or handed to the system's opener.
 */
export const EXTENSIONS: Record<FileType, readonly [string, ...string[]]> = {
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png'],
  webp: ['webp'],
  pdf: ['pdf'],
  docx: ['docx'],
  pptx: ['pptx'],
  xlsx: ['xlsx'],
};

/** How a type is called to a person, in any language. */
export const TYPE_LABEL: Record<FileType, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', pdf: 'PDF', docx: 'DOCX', pptx: 'PPTX', xlsx: 'XLSX' };

const ALLOWED_EXTENSIONS: ReadonlySet<string> = new Set(Object.values(EXTENSIONS).flat());

/** What follows a name's last dot, lowercased; null without one (a leading dot starts no extension). */
export function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : null;
}

/** The name carries an extension of the type (`скан.PDF`, `фото.jpeg`). */
export function nameAgrees(fileName: string, type: FileType): boolean {
  const extension = extensionOf(fileName);
  return extension !== null && EXTENSIONS[type].includes(extension);
}

/**
 * The safe name (safe-file-name.ts) a file of `type` is kept under, or null when its name
 * disguises it. An extension of its own type stays; one of another accepted type (a PNG saved
 * as .jpg, as phones and messengers do) or none gives way to the type's own, since both sides
 * are a document or a picture; any other (`.hta`, `.exe`, `.js`, `.lnk`, `.scr`, `.html`, and
 * `.zip` for an Office file) means the name and the bytes disagree about what the file is,
 * which is how a program is passed off as a scan, so the file is refused rather than renamed.
 */
export function nameForType(fileName: string, type: FileType): string | null {
  const name = safeFileName(fileName);
  if (nameAgrees(name, type)) return name;
  const extension = extensionOf(name);
  if (extension !== null && !ALLOWED_EXTENSIONS.has(extension)) return null;
  const stem = extension === null ? name : name.slice(0, name.length - extension.length - 1);
  return safeFileName(`${stem}.${EXTENSIONS[type][0]}`);
}

function startsWith(data: Uint8Array, at: number, bytes: readonly number[]): boolean {
  return data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

const u16 = (d: Uint8Array, at: number) => d[at]! | (d[at + 1]! << 8);
const u32 = (d: Uint8Array, at: number) => (u16(d, at) | (u16(d, at + 2) << 16)) >>> 0;

/**
 * The entry names of a ZIP, read from its central directory (found through the end record
 * in the last 64 KB); null when the archive is not well formed. Nothing is decompressed.
 */
function zipEntryNames(d: Uint8Array): string[] | null {
  const lowest = Math.max(0, d.length - 22 - 0xffff);
  let end = -1;
  for (let i = d.length - 22; i >= lowest; i--) {
    if (u32(d, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(d, end + 10);
  let at = u32(d, end + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > d.length || u32(d, at) !== 0x02014b50) return null;
    const nameLength = u16(d, at + 28);
    if (at + 46 + nameLength > d.length) return null;
    names.push(String.fromCharCode(...d.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(d, at + 30) + u16(d, at + 32);
  }
  return names;
}

/** Which Office Open XML document a ZIP holds: its content types plus the main part's folder. */
function ooxmlType(d: Uint8Array): FileType | null {
  const names = zipEntryNames(d);
  if (!names?.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return null;
}

/**
 * The type of a file from its bytes alone: whether its name agrees is the caller's question
 * (nameAgrees, nameForType). An Office Open XML file is a ZIP whose central directory lists
 * `[Content_Types].xml` and the main part's folder.
 */
export function detectFileType(data: Uint8Array): FileType | null {
  if (startsWith(data, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, 0, ascii('RIFF')) && startsWith(data, 8, ascii('WEBP'))) return 'webp';
  if (startsWith(data, 0, ascii('%PDF-'))) return 'pdf';
  if (startsWith(data, 0, [0x50, 0x4b, 0x03, 0x04])) return ooxmlType(data);
  return null;
}
