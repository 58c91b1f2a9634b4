/**
 * Who may do what on one installation (issue 14, point 1). A role is a set of permissions; a
 * channel names the permission it needs (shared/contract/access.ts), and the core refuses a
 * request whose operator lacks it. The screens ask the same question only to hide what would be
 * refused.
 */

export const OPERATOR_ROLES = ['admin', 'secretary', 'okrug_staff', 'viewer'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const PERMISSIONS = [
  /** Meetings, minutes, issues, the action plan, akims: the work itself. */
  'records.write',
  /** Citizens' names and phones (issue authors): read, and set. */
  'personal.read',
  'personal.write',
  /** Reference lists of the issue log: bodies, categories, statuses; the legacy import. */
  'reference.write',
  /** Packages: sending the installation's records up, and taking in the level below's. */
  'exchange.send',
  'exchange.receive',
  /** What the installation is: rule sets, holidays, mail, reminders, backups, restore. */
  'settings.write',
  /** Operators: creating, changing roles, resetting secrets, the recovery code. */
  'operators.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

/**
 * The district secretary does the work and keeps the issue log, authors included. Okrug staff
 * plan and record their meetings and send them up, but a citizen's name and phone are the
 * district's to keep. A viewer reads (and prints) and changes nothing.
 */
export const ROLE_PERMISSIONS: Readonly<Record<OperatorRole, readonly Permission[]>> = {
  admin: ALL,
  secretary: ['records.write', 'personal.read', 'personal.write', 'reference.write', 'exchange.send', 'exchange.receive'],
  okrug_staff: ['records.write', 'exchange.send'],
  viewer: [],
};

export function can(role: OperatorRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * A secret is a PIN (digits only, at least 6) or a password (at least 8 characters). Short
 * PINs fall to guessing even behind the wait after failed attempts.
 */
export const MIN_PIN_DIGITS = 6;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_SECRET_LENGTH = 200;

export type SecretProblem = 'pin_too_short' | 'password_too_short' | 'too_long';

export function secretProblem(secret: string): SecretProblem | null {
  if (secret.length > MAX_SECRET_LENGTH) return 'too_long';
  if (/^\d+$/.test(secret)) return secret.length < MIN_PIN_DIGITS ? 'pin_too_short' : null;
  return secret.length < MIN_PASSWORD_LENGTH ? 'password_too_short' : null;
}

/** The idle lock: minutes without a key or a click before the screen locks (0 never). */
export const DEFAULT_IDLE_MINUTES = 10;
export const MAX_IDLE_MINUTES = 240;

/** Failed sign-ins an operator may make before each further try waits (doubling, capped). */
export const FREE_ATTEMPTS = 5;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;

/** The wait before the next try after `failures` failed sign-ins in a row. */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS));
}
