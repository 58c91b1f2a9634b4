import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { writePackage } from '../../electron/core/exchange/bag';
import { checkBag } from '../helpers/bagit-check';
import { OKRUG_KEY, repack, sampleContent, samplePayload, unpack, type BagFiles } from '../helpers/package-fixtures';
import { rawZip } from '../helpers/raw-zip';

const md5 = (s: string) => crypto.createHash('md5').update(s).digest('hex');

/** The RFC's own example bag (§4.1), with md5, made by hand: the checker knows more than Esep's bags. */
function exampleBag(edit: (files: Map<string, string>) => void = () => {}): Buffer {
  const files = new Map<string, string>([
    ['myfirstbag/bagit.txt', 'BagIt-Version: 1.0\r\nTag-File-Character-Encoding: UTF-8\r\n'],
    ['myfirstbag/data/27613-h/images/q172.png', '... image bytes ...'],
    ['myfirstbag/data/27613-h/images/q172.txt', '... OCR text ...'],
  ]);
  files.set(
    'myfirstbag/manifest-md5.txt',
    `${md5('... image bytes ...')} data/27613-h/images/q172.png\n${md5('... OCR text ...').toUpperCase()}\tdata/27613-h/images/q172.txt\n`,
  );
  edit(files);
  return rawZip([...files].map(([name, content]) => ({ name, content: Buffer.from(content) })));
}

async function esepBag(change?: (bag: BagFiles) => void): Promise<Buffer> {
  const payload = samplePayload();
  payload.set('attachments/100% готово.txt', Buffer.from('done'));
  const pkg = await writePackage(sampleContent({ payload }));
  if (!change) return pkg;
  const bag = await unpack(pkg);
  change(bag);
  return repack(bag);
}

describe('the BagIt check written from RFC 8493', () => {
  it('passes every package writePackage makes, warning only that the signature is listed in no tag manifest', async () => {
    const result = await checkBag(await esepBag());
    expect(result.errors).toEqual([]);
    expect(result.base).toBe('esep-103230000-2026-H1-3');
    expect(result.warnings).toEqual(['tagmanifest-sha512.txt: does not list the tag file tagmanifest-sha512.txt.minisig']);
    // The % in a payload name is written %25, as §2.1.3 asks.
    expect((await unpack(await esepBag())).files.get('manifest-sha512.txt')!.toString()).toContain('  data/attachments/100%25 готово.txt\n');
  });

  it('passes a forwarded package inside a package, and the RFC’s example bag (md5, CRLF, tabs, upper-case hex)', async () => {
    const okrug = await writePackage(sampleContent());
    const district = await writePackage(sampleContent({ payload: new Map([['forwarded/esep-103230000-2026-H1-3.zip', okrug]]), signer: OKRUG_KEY }));
    expect((await checkBag(district)).errors).toEqual([]);
    expect((await checkBag(exampleBag())).errors).toEqual([]);
  });

  it('catches a changed payload file, an unlisted one, a listed one that is missing', async () => {
    const changed = await checkBag(await esepBag((bag) => bag.files.set('data/records/issues.jsonl', Buffer.from('{}\n'))));
    expect(changed.errors).toContain('manifest-sha512.txt: the sha512 of data/records/issues.jsonl does not match (§3)');
    expect(changed.errors.some((e) => e.startsWith('bag-info.txt: Payload-Oxum'))).toBe(true);
    const unlisted = await checkBag(exampleBag((f) => f.set('myfirstbag/data/extra.txt', 'x')));
    expect(unlisted.errors).toEqual(['manifest-md5.txt: payload file data/extra.txt is not listed (§3)']);
    const missing = await checkBag(exampleBag((f) => f.delete('myfirstbag/data/27613-h/images/q172.txt')));
    expect(missing.errors).toEqual(['manifest-md5.txt: data/27613-h/images/q172.txt is listed but missing (§3)']);
  });

  it('catches a tag manifest that no longer matches, lists a payload file, or leaves out the payload manifest', async () => {
    const tampered = await checkBag(await esepBag((bag) => bag.files.set('bag-info.txt', Buffer.concat([bag.files.get('bag-info.txt')!, Buffer.from('Note: x\n')]))));
    expect(tampered.errors).toEqual(['tagmanifest-sha512.txt: the sha512 of bag-info.txt does not match (§3)']);
    const withPayload = await checkBag(exampleBag((f) => f.set('myfirstbag/tagmanifest-md5.txt', `${md5(f.get('myfirstbag/manifest-md5.txt')!)} manifest-md5.txt\n${md5('... OCR text ...')} data/27613-h/images/q172.txt\n`)));
    expect(withPayload.errors).toEqual(['tagmanifest-md5.txt: lists the payload file data/27613-h/images/q172.txt (§2.2.1)']);
    const noManifest = await checkBag(exampleBag((f) => f.set('myfirstbag/tagmanifest-md5.txt', `${md5(f.get('myfirstbag/bagit.txt')!)} bagit.txt\n`)));
    expect(noManifest.errors).toEqual(['tagmanifest-md5.txt: does not list the payload manifest manifest-md5.txt (§2.2.1)']);
  });

  it('catches a wrong Payload-Oxum, a repeated one, a malformed Bagging-Date', async () => {
    const withInfo = (info: string) => checkBag(exampleBag((f) => f.set('myfirstbag/bag-info.txt', info)));
    expect((await withInfo('Payload-Oxum: 35.2\n')).errors).toEqual([]);
    expect((await withInfo('Payload-Oxum: 36.2\n')).errors).toEqual(['bag-info.txt: Payload-Oxum 36.2, the payload is 35.2 (§2.2.2)']);
    expect((await withInfo('Payload-Oxum: 35.2\nPayload-Oxum: 35.2\n')).errors).toEqual(['bag-info.txt: Payload-Oxum occurs more than once (§2.2.2)']);
    expect((await withInfo('Bagging-Date: 2 July 2026\n')).errors).toEqual(['bag-info.txt: Bagging-Date 2 July 2026 is not YYYY-MM-DD (§2.2.2)']);
    expect((await withInfo(' Label: leading space\n')).errors).toEqual(['bag-info.txt line 1: not "label: value" (§2.2.2)']);
  });

  it('catches a wrong bag declaration, a byte-order mark, an unterminated line', async () => {
    const declaration = async (text: string) => (await checkBag(exampleBag((f) => f.set('myfirstbag/bagit.txt', text)))).errors;
    expect(await declaration('BagIt-Version: 1.0\n')).toEqual(['bagit.txt: not exactly the two lines BagIt-Version and Tag-File-Character-Encoding (§2.1.1)']);
    expect(await declaration('BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n')).toEqual(['bagit.txt: BagIt-Version 0.97, this checker knows 1.0']);
    expect(await declaration('\ufeffBagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')).toContain('bagit.txt: begins with a byte-order mark (§2.1.1, §2.3)');
    expect(await declaration('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8')).toEqual(['bagit.txt: its last line is not terminated (§2.3)']);
    expect((await checkBag(exampleBag((f) => f.delete('myfirstbag/bagit.txt')))).errors).toEqual(['bagit.txt is missing (§2.1.1)']);
  });

  it('catches wrongly percent-encoded and escaping paths, repeated lines, bad checksums', async () => {
    const manifest = async (text: string, extra: Record<string, string> = {}) =>
      (
        await checkBag(
          exampleBag((f) => {
            f.set('myfirstbag/manifest-md5.txt', text);
            for (const [name, content] of Object.entries(extra)) f.set(`myfirstbag/${name}`, content);
          }),
        )
      ).errors;
    const png = md5('... image bytes ...');
    const txt = md5('... OCR text ...');
    const rest = `${txt} data/27613-h/images/q172.txt\n`;
    // A literal % in the name must be written %25.
    expect(await manifest(`${png} data/27613-h/images/q172.png\n${rest}${md5('x')} data/100%.txt\n`, { 'data/100%.txt': 'x' })).toContain(
      'manifest-md5.txt line 3: filepath wrongly percent-encoded (§2.1.3): data/100%.txt',
    );
    expect(await manifest(`${png} data/27613-h/images/q172.png\n${rest}${md5('x')} data/100%25.txt\n`, { 'data/100%.txt': 'x' })).toEqual([]);
    expect(await manifest(`${png} data/27613-h/images/q172%2Epng\n${rest}`)).toContain('manifest-md5.txt line 1: filepath wrongly percent-encoded (§2.1.3): data/27613-h/images/q172%2Epng');
    expect(await manifest(`${png} data/../../etc/passwd\n${png} data/27613-h/images/q172.png\n${rest}`)).toContain(
      'manifest-md5.txt line 1: filepath "data/../../etc/passwd" is empty, . or .. segment (§2.1.3, §5)',
    );
    expect(await manifest(`${png} data/27613-h/images/q172.png\n${png} data/27613-h/images/q172.png\n${rest}`)).toContain(
      'manifest-md5.txt line 2: data/27613-h/images/q172.png listed twice (§2.1.3: exactly once)',
    );
    expect(await manifest(`${png.slice(1)} data/27613-h/images/q172.png\n${rest}`)).toContain('manifest-md5.txt line 1: not a hex md5 checksum (§2.1.3)');
  });

  it('catches a zip that is not one bag under one base directory', async () => {
    const bag = rawZip([{ name: 'bagit.txt', content: Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') }, { name: 'data/x', content: Buffer.from('x') }]);
    expect((await checkBag(bag)).errors).toEqual(['the zip holds bagit.txt, data, not one base directory']);
    expect((await checkBag(Buffer.from('not a zip'))).errors[0]).toMatch(/^not a readable zip/);
  });
});
