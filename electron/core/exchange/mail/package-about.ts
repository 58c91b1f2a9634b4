import yauzl from 'yauzl';
import { parsePeriod, type ReportPeriod } from '../../../../shared/domain/reports/period';
import { isKatoCode } from '../../../../shared/domain/kato/kato-code';

/** Whose package it is and for which period: what its letter tells the person who receives it. */
export interface PackageAbout {
  originUnit: string;
  period: ReportPeriod;
}

/** The bag-info.txt of an Esep package is a few hundred bytes; a larger one is not read for a letter. */
const MAX_BAG_INFO_BYTES = 64 * 1024;
/** bag-info.txt at the top of the zip or in its one top folder (docs/exchange-format.md). */
const BAG_INFO = /^(?:[^/]+\/)?bag-info\.txt$/;

/**
 * Reads the origin unit and period from the package's bag-info.txt (RFC 8493 §2.2.2,
 * `Label: value`, the Esep-Origin-Unit and Esep-Period elements). The package is not verified
 * here: the letter only describes it, and the receiving Esep verifies every hash and the
 * signature before it imports anything. Null for a file that is not a zip or carries no such
 * bag-info.
 */
export async function readPackageAbout(bytes: Buffer): Promise<PackageAbout | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    return null;
  }
  try {
    for await (const entry of zip.eachEntry()) {
      if (!BAG_INFO.test(entry.fileName)) continue;
      if (entry.uncompressedSize > MAX_BAG_INFO_BYTES) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return aboutOf(Buffer.concat(chunks).toString('utf8'));
    }
    return null;
  } catch {
    return null;
  } finally {
    zip.close();
  }
}

function aboutOf(bagInfo: string): PackageAbout | null {
  const values = new Map<string, string>();
  for (const line of bagInfo.split(/\r\n|\n|\r/)) {
    const m = /^([^:\s][^:]*):[ \t]*(.*)$/.exec(line);
    if (m) values.set(m[1]!.trim().toLowerCase(), m[2]!.trim());
  }
  const originUnit = values.get('esep-origin-unit') ?? '';
  const period = parsePeriod(values.get('esep-period') ?? '');
  return isKatoCode(originUnit) && period ? { originUnit, period } : null;
}
