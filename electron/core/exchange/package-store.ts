import path from 'node:path';

/**
 * Where an installation keeps the packages it has applied (`<dataDir>/exchange/received`): its
 * own package to the level above carries, unchanged, the latest one of each origin below it
 * (data/forwarded/), so that the level above verifies every origin's signature itself.
 */
export function receivedPackageFile(dataDir: string, packageId: string): string {
  return path.join(dataDir, 'exchange', 'received', `${packageId}.zip`);
}
