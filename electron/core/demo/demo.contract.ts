import { z } from 'zod';
import { channel, KatoCode, Year } from '../../../shared/contract/schemas';
import type { GenerateSummary } from './generate-meetings';
import type { GenerateIssuesSummary } from './generate-issues';

/**
 * Tooling channels beside the app's contract, never in it: the renderer's api, the preload's
 * allow-list, the Electron IPC layer and the browser host are all built from shared/contract
 * alone, so demo data can be written only from the CLI (and tests), which dispatches over both
 * tables with the same validation and the same error envelopes.
 */
export const DemoGenerateInput = z
  .object({
    unitKato: KatoCode,
    fromYear: Year,
    toYear: Year,
    /** The same seed gives the same rows, ids included. */
    seed: z.number().int().min(0).max(0xffff_ffff),
    /** About how many issues in all; absent: a few per held meeting, as in life. */
    issues: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
export type DemoGenerateInput = z.infer<typeof DemoGenerateInput>;

export type DemoSummary = GenerateSummary & { issues: GenerateIssuesSummary };

export const demoContract = { 'demo:generate': channel<DemoSummary>()(DemoGenerateInput) };
