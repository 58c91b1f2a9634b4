import crypto from 'node:crypto';
import yauzl from 'yauzl';

/**
 * A BagIt 1.0 checker written from RFC 8493 alone, for zipped bags, sharing no code with
 * electron/core/exchange (the issue asks that the check not share code with the exporter): it
 * reads the zip with yauzl and hashes with node:crypto, and knows nothing of Esep's fields.
 * Section numbers are RFC 8493's. `errors` are violations of a MUST (the bag is not complete
 * and valid), `warnings` of a SHOULD.
 */

export interface BagCheck {
  /** The base directory, the zip's single top folder. */
  base: string;
  errors: string[];
  warnings: string[];
}

/** §2.4: SHA-256 and SHA-512 are required, MD5 and SHA-1 recommended for older bags. */
const ALGORITHMS: Record<string, { node: string; hexLength: number }> = {
  md5: { node: 'md5', hexLength: 32 },
  sha1: { node: 'sha1', hexLength: 40 },
  sha256: { node: 'sha256', hexLength: 64 },
  sha512: { node: 'sha512', hexLength: 128 },
};

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.fromBuffer(zip, { lazyEntries: true, strictFileNames: true }, (err, archive) => {
      if (err) return reject(err);
      archive.on('error', reject);
      archive.on('end', () => resolve(files));
      archive.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          files.set(entry.fileName, Buffer.alloc(0));
          archive.readEntry();
          return;
        }
        archive.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            archive.readEntry();
          });
        });
      });
      archive.readEntry();
    });
  });
}

/**
 * §2.3: text tag files are lines each terminated by LF, CR or CRLF; with UTF-8 declared, they
 * are UTF-8 and do not begin with a byte-order mark. Returns the lines, or null after an error.
 */
function textLines(data: Buffer, file: string, errors: string[]): string[] | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    errors.push(`${file}: not valid UTF-8 (§2.3)`);
    return null;
  }
  if (text.startsWith('\ufeff')) errors.push(`${file}: begins with a byte-order mark (§2.1.1, §2.3)`);
  if (text === '') return [];
  if (!/(\r\n|\r|\n)$/.test(text)) errors.push(`${file}: its last line is not terminated (§2.3)`);
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * §2.1.3: in a manifest's filepath, LF, CR and `%` (and only those) are percent-encoded; so a
 * `%` begins one of %0A, %0D, %25 (hex in either case), or the path is wrongly encoded.
 */
function decodePath(encoded: string): string | null {
  if (/%(?![0-9A-Fa-f]{2})/.test(encoded)) return null;
  let bad = false;
  const decoded = encoded.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
    const code = parseInt(hex, 16);
    if (code !== 0x0a && code !== 0x0d && code !== 0x25) bad = true;
    return String.fromCharCode(code);
  });
  return bad ? null : decoded;
}

/** Why a filepath could not name a file inside the bag (§2.1.3, §5 "Special Directory Characters"), or null. */
function pathProblem(path: string): string | null {
  if (path.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(path) || path.startsWith('~')) return 'drive or home directory';
  if (path.includes('\\')) return 'backslash (the separator is /)';
  if (path.endsWith('/')) return 'a directory';
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'empty, . or .. segment';
  return null;
}

interface Manifest {
  file: string;
  algorithm: string;
  entries: Map<string, string>;
}

function readManifest(file: string, algorithm: string, data: Buffer, errors: string[]): Manifest {
  const entries = new Map<string, string>();
  const spec = ALGORITHMS[algorithm];
  if (!spec) errors.push(`${file}: algorithm ${algorithm} is not one this checker supports (§2.4)`);
  const lines = textLines(data, file, errors) ?? [];
  lines.forEach((line, i) => {
    const where = `${file} line ${i + 1}`;
    const m = /^([^ \t]+)[ \t]+(.*)$/.exec(line);
    if (!m || m[2] === '') return void errors.push(`${where}: not "checksum filepath" (§2.1.3)`);
    const [, checksum, encoded] = m as unknown as [string, string, string];
    if (!/^[0-9A-Fa-f]+$/.test(checksum) || (spec && checksum.length !== spec.hexLength)) errors.push(`${where}: not a hex ${algorithm} checksum (§2.1.3)`);
    const path = decodePath(encoded);
    if (path === null) return void errors.push(`${where}: filepath wrongly percent-encoded (§2.1.3): ${encoded}`);
    const problem = pathProblem(path);
    if (problem) return void errors.push(`${where}: filepath ${JSON.stringify(path)} is ${problem} (§2.1.3, §5)`);
    if (entries.has(path)) errors.push(`${where}: ${path} listed twice (§2.1.3: exactly once)`);
    entries.set(path, checksum.toLowerCase());
  });
  return { file, algorithm, entries };
}

/** §2.2.2: `label: value` lines, continued on lines that start with a space or a tab. */
function readBagInfo(data: Buffer, errors: string[], warnings: string[]): Array<[string, string]> {
  const elements: Array<[string, string]> = [];
  const lines = textLines(data, 'bag-info.txt', errors) ?? [];
  lines.forEach((line, i) => {
    if (/^[ \t]/.test(line) && elements.length > 0) {
      elements.at(-1)![1] += ` ${line.trim()}`;
      return;
    }
    const m = /^([^:]+):[ \t](.*)$/.exec(line);
    if (!m || /^[ \t]|[ \t]$/.test(m[1]!)) return void errors.push(`bag-info.txt line ${i + 1}: not "label: value" (§2.2.2)`);
    if (line.length > 79) warnings.push(`bag-info.txt line ${i + 1}: longer than 79 characters (§2.2.2)`);
    elements.push([m[1]!, m[2]!]);
  });
  return elements;
}

const hash = (algorithm: string, data: Buffer) => crypto.createHash(ALGORITHMS[algorithm]!.node).update(data).digest('hex');

/** Checks a zipped bag: its serialization, structure, tag files, completeness and validity. */
export async function checkBag(zip: Buffer): Promise<BagCheck> {
  const errors: string[] = [];
  const warnings: string[] = [];
  let entries: Map<string, Buffer>;
  try {
    entries = await unzip(zip);
  } catch (e) {
    return { base: '', errors: [`not a readable zip: ${(e as Error).message}`], warnings };
  }

  // One base directory at the top of the serialization, the bag in it.
  const tops = new Set([...entries.keys()].map((name) => name.split('/')[0]!));
  const base = [...tops][0] ?? '';
  if (tops.size !== 1 || [...entries.keys()].some((name) => !name.startsWith(`${base}/`))) {
    errors.push(`the zip holds ${[...tops].join(', ') || 'nothing'}, not one base directory`);
    return { base, errors, warnings };
  }
  const files = new Map<string, Buffer>();
  const folders = new Set<string>();
  for (const [name, data] of entries) {
    const path = name.slice(base.length + 1);
    if (path === '') continue;
    if (path.endsWith('/')) folders.add(path.slice(0, -1));
    else files.set(path, data);
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) folders.add(segments.slice(0, i).join('/'));
  }

  // §2.1.1 The bag declaration.
  const declaration = files.get('bagit.txt');
  if (!declaration) errors.push('bagit.txt is missing (§2.1.1)');
  else {
    const lines = textLines(declaration, 'bagit.txt', errors);
    if (lines) {
      const version = /^BagIt-Version: (\d+)\.(\d+)$/.exec(lines[0] ?? '');
      const encoding = /^Tag-File-Character-Encoding: (.+)$/.exec(lines[1] ?? '');
      if (lines.length !== 2 || !version || !encoding) errors.push('bagit.txt: not exactly the two lines BagIt-Version and Tag-File-Character-Encoding (§2.1.1)');
      if (version && `${version[1]}.${version[2]}` !== '1.0') errors.push(`bagit.txt: BagIt-Version ${version[1]}.${version[2]}, this checker knows 1.0`);
      if (encoding && encoding[1] !== 'UTF-8') errors.push(`bagit.txt: Tag-File-Character-Encoding ${encoding[1]}, this checker reads UTF-8 only`);
    }
  }

  // §2.1.2 The payload directory; payload files are the files under it.
  if (!folders.has('data')) errors.push('the payload directory data/ is missing (§2.1.2)');
  const payload = new Map([...files].filter(([path]) => path.startsWith('data/')));

  // §2.1.3, §2.2.1 Manifests, in the base directory.
  const payloadManifests: Manifest[] = [];
  const tagManifests: Manifest[] = [];
  for (const [path, data] of files) {
    const m = /^(tag)?manifest-([^/]+)\.txt$/.exec(path);
    if (!m) continue;
    if (!/^[a-z0-9]+$/.test(m[2]!)) errors.push(`${path}: the algorithm name is not normalized (§2.4)`);
    (m[1] ? tagManifests : payloadManifests).push(readManifest(path, m[2]!, data, errors));
  }
  if (payloadManifests.length === 0) errors.push('no payload manifest manifest-<algorithm>.txt (§2.1.3)');

  // §3 Completeness: every listed file present; every payload file in every payload manifest.
  for (const manifest of payloadManifests) {
    for (const path of manifest.entries.keys()) {
      if (!path.startsWith('data/')) errors.push(`${manifest.file}: ${path} is outside the payload directory (§2.1.3)`);
      else if (!payload.has(path)) errors.push(`${manifest.file}: ${path} is listed but missing (§3)`);
    }
    for (const path of payload.keys()) if (!manifest.entries.has(path)) errors.push(`${manifest.file}: payload file ${path} is not listed (§3)`);
  }
  const TAG_MANIFEST = /^tagmanifest-[^/]+\.txt$/;
  const tagFiles = [...files.keys()].filter((path) => !path.startsWith('data/'));
  for (const manifest of tagManifests) {
    for (const path of manifest.entries.keys()) {
      if (path.startsWith('data/')) errors.push(`${manifest.file}: lists the payload file ${path} (§2.2.1)`);
      else if (!files.has(path)) errors.push(`${manifest.file}: ${path} is listed but missing (§3)`);
      if (TAG_MANIFEST.test(path)) warnings.push(`${manifest.file}: lists the tag manifest ${path}`);
    }
    for (const pm of payloadManifests) if (!manifest.entries.has(pm.file)) errors.push(`${manifest.file}: does not list the payload manifest ${pm.file} (§2.2.1)`);
    for (const path of tagFiles) {
      if (!TAG_MANIFEST.test(path) && !manifest.entries.has(path)) warnings.push(`${manifest.file}: does not list the tag file ${path}`);
    }
  }

  // §3 Validity: every checksum in every manifest.
  for (const manifest of [...payloadManifests, ...tagManifests]) {
    if (!ALGORITHMS[manifest.algorithm]) continue;
    for (const [path, expected] of manifest.entries) {
      const data = files.get(path);
      if (data && hash(manifest.algorithm, data) !== expected) errors.push(`${manifest.file}: the ${manifest.algorithm} of ${path} does not match (§3)`);
    }
  }

  // §2.2.2 bag-info.txt, and Payload-Oxum against the payload.
  const bagInfo = files.get('bag-info.txt');
  if (bagInfo) {
    const elements = readBagInfo(bagInfo, errors, warnings);
    const valuesOf = (label: string) => elements.filter(([l]) => l.toLowerCase() === label.toLowerCase()).map(([, v]) => v);
    const oxum = valuesOf('Payload-Oxum');
    if (oxum.length > 1) errors.push('bag-info.txt: Payload-Oxum occurs more than once (§2.2.2)');
    if (oxum.length > 0) {
      const m = /^(\d+)\.(\d+)$/.exec(oxum[0]!);
      let octets = 0;
      for (const data of payload.values()) octets += data.length;
      if (!m) errors.push(`bag-info.txt: Payload-Oxum ${oxum[0]} is not OctetCount.StreamCount (§2.2.2)`);
      else if (Number(m[1]) !== octets || Number(m[2]) !== payload.size) errors.push(`bag-info.txt: Payload-Oxum ${oxum[0]}, the payload is ${octets}.${payload.size} (§2.2.2)`);
    }
    for (const date of valuesOf('Bagging-Date')) if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.push(`bag-info.txt: Bagging-Date ${date} is not YYYY-MM-DD (§2.2.2)`);
    for (const count of valuesOf('Bag-Count')) if (!/^\d+ of (\d+|\?)$/.test(count)) errors.push(`bag-info.txt: Bag-Count ${count} is not "N of T" (§2.2.2)`);
  }

  // Appendix: names a case-insensitive or normalizing file system would merge.
  const seen = new Map<string, string>();
  for (const path of files.keys()) {
    const key = path.normalize('NFC').toLowerCase();
    if (seen.has(key)) warnings.push(`${path} and ${seen.get(key)} differ only in case or normalization`);
    seen.set(key, path);
  }
  return { base, errors, warnings };
}
