import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { tempDir } from './temp-core';

/** The visible text of word/document.xml, runs of a paragraph joined, paragraphs on lines. */
export function documentText(docx: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
  return xml
    .split('</w:p>')
    .map((para) => [...para.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

/**
 * The default footer's text and fields in order, a field as `{PAGE}` or `{NUMPAGES}`; null
 * when no section has a footer.
 */
export function footerParts(docx: Buffer): string[] | null {
  const files = unzipSync(new Uint8Array(docx));
  if (!/<w:footerReference w:type="default" r:id="[^"]+"\/>/.test(strFromU8(files['word/document.xml']!))) return null;
  const footer = strFromU8(files[Object.keys(files).find((f) => /^word\/footer\d+\.xml$/.test(f))!]!);
  return [...footer.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1] ?? `{${m[2]!.trim()}}`);
}

/** LibreOffice's command, when it and poppler (pdftotext, pdftoppm, pdfinfo) are on the PATH. */
export function officeRenderer(): string | null {
  const soffice = ['libreoffice', 'soffice'].find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
  const poppler = spawnSync('sh', ['-c', 'command -v pdftotext && command -v pdftoppm && command -v pdfinfo']).status === 0;
  return soffice && poppler ? soffice : null;
}

/** A line of the first page as printed: its words, and the top and bottom of their boxes, in points. */
export interface PrintedLine {
  text: string;
  top: number;
  bottom: number;
}

/** pdftotext's word boxes grouped into lines by their top, top to bottom. */
function printedLines(bbox: string): PrintedLine[] {
  const lines = new Map<number, PrintedLine>();
  for (const m of bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const top = Number(m[1]);
    const line = lines.get(top) ?? { text: '', top, bottom: Number(m[2]) };
    line.text = line.text === '' ? m[3]! : `${line.text} ${m[3]}`;
    lines.set(top, line);
  }
  return [...lines.values()].sort((a, b) => a.top - b.top);
}

/**
 * A Word file as LibreOffice prints it: the PDF's page info and text (pdftotext -layout), and
 * its first page as a PNG at 60 dpi in test-results/<name>.png, to look at.
 */
export function renderDocx(soffice: string, docx: Buffer, name: string): { info: string; text: string; png: string; lines: PrintedLine[] } {
  const dir = tempDir('esep-docx-');
  try {
    const file = path.join(dir, `${name}.docx`);
    fs.writeFileSync(file, docx);
    execFileSync(soffice, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
      stdio: 'pipe',
      timeout: 110_000,
    });
    const pdf = path.join(dir, `${name}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error('LibreOffice wrote no PDF');
    const out = path.resolve('test-results', name);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, out]);
    return {
      info: execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }),
      text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }),
      png: `${out}.png`,
      lines: printedLines(execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' })),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
