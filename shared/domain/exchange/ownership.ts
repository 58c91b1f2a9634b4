/**
 * One owner per record (STYLE.md §4, docs/exchange.md §Ownership): a record belongs to the
 * installation that created it, its `origin`, and only that installation changes it. Reference
 * rows shipped with the app have the origin `seed`: the same on every installation, so anyone
 * may keep editing its own copy of them.
 */
export const SEED_ORIGIN = 'seed';

/** Whether a record with this origin was received from another installation (read-only here). */
export function isForeignOrigin(origin: string, installationId: string): boolean {
  return origin !== installationId && origin !== SEED_ORIGIN;
}

/** minisign's key id as it prints it: 16 hex digits, upper case. */
export const KEY_ID_PATTERN = /^[0-9A-F]{16}$/;

/**
 * The key id as people compare it, read out over the phone: "1A2B 3C4D 5E6F 7A8B" (the digits
 * minisign prints in its public key's comment line, in groups of four).
 */
export function formatFingerprint(keyId: string): string {
  if (!KEY_ID_PATTERN.test(keyId)) throw new Error(`Not a minisign key id: ${keyId}`);
  return keyId.match(/.{4}/g)!.join(' ');
}
