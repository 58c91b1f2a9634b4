import type { Clock } from '../../electron/core/clock';
import { fixedClock } from '../../electron/core/clock';

/** What the crash child (crash-child.ts) is given, as a JSON file, by the harness (crash-harness.ts). */
export interface ChildConfig {
  dataDir: string;
  seed: number;
  today: string;
  /** Where the child's own writes go: a reporting unit, one of its held meetings and that meeting's minutes. */
  unitKato: string;
  meetingId: string;
  heldOn: string;
  minutes: { id: string; revision: number };
  xlsx: Array<{ file: string; fileName: string }>;
  packages: Array<{ file: string }>;
  /** The origins of the packages, confirmed for the import. */
  trust: string[];
  /** Only the operations of this phase (a stream of writes, so that a kill anywhere lands in one); else all. */
  only?: Phase;
}

/** What was going on when the child was killed: the phase of its last `begin` line. */
export const PHASES = ['write', 'xlsx', 'package', 'backup'] as const;
export type Phase = (typeof PHASES)[number];

/** The demo generator's seeded PRNG: the same seed, the same trial. */
export { mulberry32 } from '../../electron/core/demo/generate-meetings';

/** The fixed day, but an instant that moves on, so that two backups never share a name. */
export function crashClock(today: string): Clock {
  const day = fixedClock(today);
  const start = Date.now();
  const noon = day.now().getTime();
  return { now: () => new Date(noon + Date.now() - start), today: day.today };
}
