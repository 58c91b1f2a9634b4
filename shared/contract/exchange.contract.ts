import type { UnitSummary } from './types';
import { z } from 'zod';
import { channel, Id, IsoDateString, Language, NoInput, RequiredText } from './schemas';
import type { KindCounts, PackageKind } from '../domain/exchange/record-kinds';
import type { IsoDate } from '../domain/dates';

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

/** A package written by `exchange:export`. */
export interface ExportedPackage {
  /** The file as written, in the folder asked for. */
  path: string;
  fileName: string;
  sha256: string;
  bytes: number;
  packageId: string;
  /** This installation's count of packages, this one included. */
  sequence: number;
  records: Partial<Record<PackageKind, number>>;
  /** Packages from below carried unchanged (data/forwarded/). */
  forwarded: number;
}

/**
 * A package to read: a file the core can open (the CLI, the desktop's file dialog, a file
 * dropped on the window) or its bytes (the browser host, where the page cannot name a path).
 */
export const PackageSource = z.union([
  z.object({ path: RequiredText(4096) }).strict(),
  z.object({ fileName: RequiredText(255), dataBase64: z.string().max(Math.ceil((256 * 1024 * 1024) / 3) * 4) }).strict(),
]);
export type PackageSource = z.infer<typeof PackageSource>;

/** Why one record of a package is not applied; the rest of the package is. */
export type RecordRefusal =
  /** This installation already holds a later revision of it. */
  | 'older_revision'
  /** The id is held here by a record of another origin. */
  | 'other_origin'
  /** One of this installation's own records came back: it is never overwritten by a copy. */
  | 'own_record';

/**
 * What happens to one package (the file, or one carried inside it under data/forwarded/,
 * listed before the package that carries it).
 */
export interface PackagePreview {
  packageId: string;
  /** The package that carries it (data/forwarded/), null for the file itself. */
  forwardedIn: string | null;
  origin: {
    installationId: string;
    unitKato: string;
    unit: UnitSummary | null;
    keyId: string;
    fingerprint: string;
    /** The minisign public key it is signed with (two lines, as identity:get shows one). */
    publicKey: string;
    /**
     * 'trusted': known here, same key. 'new': first package from it, which a person must
     * confirm by its fingerprint (or, for a forwarded package, that the carrying origin vouches
     * for: it was trusted there). Another key for a known origin is refused, never shown.
     */
    trust: 'trusted' | 'new' | 'vouched';
  };
  period: { start: IsoDate; end: IsoDate };
  /** On the origin's clock (epoch ms). */
  createdAt: number;
  sequence: number;
  /** The last sequence applied from this origin, 0 for none. */
  lastSequence: number;
  /** Packages of this origin missing between the last applied and this one (a warning). */
  gap: number;
  /**
   * 'apply': it changes something or is new; 'already_imported': this very package was applied
   * (nothing changes); 'superseded': a later package of its origin was applied already, so it
   * is passed over (a forwarded copy of what came directly).
   */
  disposition: 'apply' | 'already_imported' | 'superseded';
  counts: Partial<Record<PackageKind, KindCounts>>;
  /** The first refused records (at most 100), for the preview's list. */
  refusals: Array<{ kind: PackageKind; id: string; reason: RecordRefusal }>;
}

export interface ImportPreview {
  fileName: string;
  sha256: string;
  packages: PackagePreview[];
}

/** A package as `verify` finds it: intact and signed by the key it names (trusted or not). */
export interface VerifiedPackageSummary {
  packageId: string;
  forwardedIn: string | null;
  originInstallation: string;
  originUnit: string;
  unit: UnitSummary | null;
  keyId: string;
  fingerprint: string;
  publicKey: string;
  period: { start: IsoDate; end: IsoDate };
  createdAt: number;
  sequence: number;
  /** Records per kind, forwarded packages and other files excluded. */
  records: Partial<Record<PackageKind, number>>;
  files: number;
}

export interface VerifyResult {
  fileName: string;
  sha256: string;
  /** The file's package first, each carried one after the package carrying it. */
  packages: VerifiedPackageSummary[];
}

export const ExportInput = z
  .object({
    period: z.object({ start: IsoDateString, end: IsoDateString }).strict(),
    /** The folder to write into (a USB stick). */
    dir: RequiredText(4096),
    /** The language of the report inside the package, for people who open it without Esep. */
    language: Language,
    /** Photos and scans of the meetings go along (they make the package larger). */
    attachments: z.boolean(),
  })
  .strict();

export const exchangeContract = {
  'identity:get': channel<InstallationIdentity>()(NoInput),
  'exchange:origins': channel<OriginSummary[]>()(NoInput),
  /** The system's folder dialog, on the desktop only (`desktop_only` elsewhere); null when cancelled. */
  'exchange:chooseFolder': channel<{ path: string | null }>()(NoInput),
  /** Writes this installation's package for the period into a folder, read back and checked. */
  'exchange:export': channel<ExportedPackage>()(ExportInput),
  /** Verifies a package on its own (no database): intact, every hash, signed by the key it names. */
  'exchange:verify': channel<VerifyResult>()(z.object({ source: PackageSource }).strict()),
  /** Verifies a package and says what importing it would do; changes nothing. */
  'exchange:preview': channel<ImportPreview>()(z.object({ source: PackageSource }).strict()),
  /**
   * Verifies and applies a package in one transaction. `trust`: the installations whose first
   * package a person confirmed by fingerprint in the preview; a new origin not listed refuses
   * the whole package.
   */
  'exchange:import': channel<ImportPreview>()(z.object({ source: PackageSource, trust: z.array(Id).max(1000) }).strict()),
};
