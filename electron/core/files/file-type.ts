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
 * The type of a file from its bytes. An Office Open XML file is a ZIP: its central directory
 * must list `[Content_Types].xml` and the main part's folder, and the name must carry the
 * matching extension (an Office document renamed .zip stays an archive to the user).
 */
export function detectFileType(data: Uint8Array, fileName: string): FileType | null {
  if (startsWith(data, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, 0, ascii('RIFF')) && startsWith(data, 8, ascii('WEBP'))) return 'webp';
  if (startsWith(data, 0, ascii('%PDF-'))) return 'pdf';
  if (startsWith(data, 0, [0x50, 0x4b, 0x03, 0x04])) {
    const type = ooxmlType(data);
    if (type && fileName.toLowerCase().endsWith(`.${type}`)) return type;
  }
  return null;
}
