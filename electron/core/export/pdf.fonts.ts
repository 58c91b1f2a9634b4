import { createRequire } from 'node:module';

/**
 * The PDF's typeface: DejaVu Serif Condensed (the dejavu-fonts-ttf package; its language
 * coverage lists Kazakh at 100%, and test/integration/report-export.test.ts checks every kk
 * and ru letter). A serif close to the width of the Times New Roman the DOCX asks for, so a
 * table lays out alike in both. Free to embed (Bitstream Vera licence).
 *
 * Found by Node's module resolution, like any dependency: the CLI, the browser host and the
 * tests read node_modules of the source tree, the packaged app the node_modules electron-builder
 * packs into app.asar (Electron's fs reads inside it). So every door writes the same PDF.
 */
const FACES = {
  normal: 'DejaVuSerifCondensed.ttf',
  bold: 'DejaVuSerifCondensed-Bold.ttf',
  italics: 'DejaVuSerifCondensed-Italic.ttf',
  bolditalics: 'DejaVuSerifCondensed-BoldItalic.ttf',
} as const;

export type FontFace = keyof typeof FACES;

const requireHere = createRequire(import.meta.url);

/** The four faces' files, by pdfmake's names for them. */
export function pdfFontFiles(): Record<FontFace, string> {
  return Object.fromEntries(Object.entries(FACES).map(([face, file]) => [face, requireHere.resolve(`dejavu-fonts-ttf/ttf/${file}`)])) as Record<FontFace, string>;
}
