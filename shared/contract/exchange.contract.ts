import type { UnitSummary } from './types';
import { channel, NoInput } from './schemas';

/**
 * This installation as others see it (issue 11, docs/exchange.md §Ownership): the id every
 * record it creates carries as `origin`, the akimat it serves, and its signing key as minisign
 * shows it. The fingerprint is what two people compare over the phone before the first package
 * from one is trusted by the other.
 */
export interface InstallationIdentity {
  installationId: string;
  /** The working root; null before setup. */
  root: UnitSummary | null;
  /**
   * The key is made at setup: null before it, and always for a core without a data folder
   * (the CLI's in-memory database), which signs nothing.
   */
  key: {
    /** minisign's key id, 16 hex digits as it prints them. */
    keyId: string;
    /** The key id in groups of four: "1A2B 3C4D 5E6F 7A8B". */
    fingerprint: string;
    /** A minisign public key file's two lines (comment, then the key). */
    publicKey: string;
  } | null;
}

/**
 * An installation this one has received packages from. Records carry their `origin`; one that
 * is neither this installation's id nor 'seed' was received (read-only here), and this is its
 * source: the renderer joins on `installationId` to mark it "received from <unit>, package of
 * <lastPackageAt>".
 */
export interface OriginSummary {
  installationId: string;
  unitKato: string;
  /** Its working root; null only if the classifier no longer has the code. */
  unit: UnitSummary | null;
  keyId: string;
  fingerprint: string;
  /** When a person here confirmed its fingerprint, and who. */
  trustedAt: number;
  trustedBy: string;
  lastSequence: number;
  lastPackageId: string | null;
  /** The creation time of its latest package applied here (the origin's clock, epoch ms). */
  lastPackageAt: number | null;
  firstImportedAt: number;
  lastImportedAt: number;
}

export const exchangeContract = {
  'identity:get': channel<InstallationIdentity>()(NoInput),
  'exchange:origins': channel<OriginSummary[]>()(NoInput),
};
