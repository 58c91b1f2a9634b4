/**
 * The one rule for a file name Esep makes from a name it was given (an attachment's, a package
 * on a USB stick): valid on FAT32, exFAT and NTFS under Windows, and on
 * the Linux and macOS file systems the data folder may live on.
 *
 * - Only the last path component is kept (`..\..\x.pdf` is `x.pdf`): a name never leaves its folder.
 * - Characters Windows refuses (`< > : " / \ | ? *`, U+0000–U+001F) and DEL become `_`; so do
 *   the C1 controls and the invisible bidirectional and byte-order marks (HIDDEN_CHARACTER),
 *   which make a name read as another, and half of a surrogate pair, which no file system can
 *   store as UTF-8 or as valid UTF-16.
 * - No leading dot (a hidden file, or `.`/`..`), no surrounding white space, no trailing dot or
 *   space (Windows drops them silently, so the file would not be found under its own name).
 * - Not a device name (CON, PRN, AUX, NUL, COM0–9, LPT0–9, their superscript forms, CONIN$,
 *   CONOUT$), with or without an extension: Windows opens the device instead of the file.
 * - At most 255 UTF-16 code units (FAT32, exFAT and NTFS count those) and 255 bytes of UTF-8 (ext4
 *   counts bytes: a Kazakh name of 200 letters is 400 bytes), shortened before the extension so
 *   the extension, and with it the program that opens the file, stays.
 */

const MAX_UNITS = 255;
const MAX_UTF8_BYTES = 255;
/** A longer tail after the last dot is part of the name, not an extension worth keeping. */
const MAX_EXTENSION = 16;

/**
 * C0 and C1 controls, DEL, and the invisible marks that change how a name reads: the
 * bidirectional embeddings, overrides, isolates and marks (`счёт\u202Efdp.exe` shows as
 * `счётexe.pdf`) and the byte-order mark. The zip reader refuses entry names with one.
 */
export const HIDDEN_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const FORBIDDEN = new RegExp(`${HIDDEN_CHARACTER.source}|[<>:"/\\\\|?*]`, 'g');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Windows strips spaces before the first dot when it checks for a device name ("NUL .txt" is NUL). */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)\s*(\.|$)/i;

export function safeFileName(name: string, fallback = 'file'): string {
  const cleaned = (name.split(/[/\\]/).pop() ?? '')
    .replace(LONE_SURROGATE, '_')
    .replace(FORBIDDEN, '_')
    .trim()
    .replace(/^\.+/, '_')
    .replace(/[.\s]+$/, '');
  if (cleaned === '') return fallback;
  const fitted = fit(cleaned);
  // After shortening: cutting `CON      x.txt` down could leave `CON.txt`. The prefix makes the
  // name start with `_`, so shortening it once more cannot make a device name again.
  return DEVICE.test(fitted) ? fit(`_${fitted}`) : fitted;
}

/** An exported document's name stays short enough to read in a file dialog and to copy into a letter. */
export const MAX_DOCUMENT_NAME = 120;
const SEPARATOR = ' — ';

/**
 * The name of every document Esep exports, made of what a person looks for: the document, the
 * unit, the date ("Хаттама — Қараауыл а.о. — 2026-04-08.docx"). Each part is cleaned of what a
 * file name cannot hold (the rule of `safeFileName`, a forbidden character becoming a space so
 * "Абай/Семей" reads as two words), empty parts are left out, and a name longer than
 * MAX_DOCUMENT_NAME is shortened in its longest part (the unit's name), marked with "…", so the
 * document's word, the date and the extension stay.
 */
export function documentFileName(parts: readonly string[], extension: string): string {
  const tail = `.${extension}`;
  const clean = parts
    .map((part) => part.replace(LONE_SURROGATE, ' ').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '');
  const length = (list: readonly string[]) => [...list.join(SEPARATOR)].length + tail.length;
  while (clean.length > 0 && length(clean) > MAX_DOCUMENT_NAME) {
    const longest = clean.reduce((at, part, i) => ([...part].length > [...clean[at]!].length ? i : at), 0);
    const target = [...clean[longest]!].length - (length(clean) - MAX_DOCUMENT_NAME);
    const kept = [...clean[longest]!.replace(/…$/, '')].slice(0, Math.max(0, target - 1)).join('').replace(/[.\s]+$/, '');
    if (kept === '') clean.splice(longest, 1);
    else clean[longest] = `${kept}…`;
  }
  // "а.о." before ".docx" would read "а.о..docx".
  const stem = clean.join(SEPARATOR).replace(/[.\s]+$/, '');
  return stem === '' ? `esep${tail}` : safeFileName(stem + tail, `esep${tail}`);
}

/**
 * A safe name with ` (n)` before its extension (`esep.zip` → `esep (2).zip`), still within the
 * limits: the name is shortened, the number and the extension are not.
 */
export function numberedFileName(safeName: string, n: number): string {
  return fit(safeName, ` (${n})`);
}

/** The name cut to the limits before its extension, with `suffix` between the two. */
function fit(name: string, suffix = ''): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= MAX_EXTENSION ? name.slice(dot) : '';
  const stem = name.slice(0, name.length - extension.length);
  const tail = suffix + extension;
  if (name.length + suffix.length <= MAX_UNITS && utf8Length(name) + utf8Length(suffix) <= MAX_UTF8_BYTES) return stem + tail;
  let units = MAX_UNITS - tail.length;
  let bytes = MAX_UTF8_BYTES - utf8Length(tail);
  let kept = '';
  for (const char of stem) {
    units -= char.length;
    bytes -= utf8Length(char);
    if (units < 0 || bytes < 0) break;
    kept += char;
  }
  // The cut may leave a dot or a space at the end of the stem, which Windows would drop.
  return kept.replace(/[.\s]+$/, '') + tail;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
