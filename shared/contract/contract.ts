import { z } from 'zod';
import type { AppInfo, JobProgress, ObligationsGrid, Settings, UnitSearchHit, UnitSummary } from './types';
import { channel, KatoCode, Language, NoInput, RequiredText, ResumePoint, Year, type Channel } from './schemas';
import { CHANNELS, type ChannelName } from './channels';
import { rulesContract } from './rules.contract';
import { meetingsContract } from './meetings.contract';
import { calendarContract } from './calendar.contract';
import { minutesContract } from './minutes.contract';
import { issuesContract } from './issues.contract';
import { issuesImportContract } from './issues-import.contract';
import { actionPlanContract } from './action-plan.contract';
import { reportsContract } from './reports.contract';
import { exchangeContract } from './exchange.contract';
import { mailContract } from './mail.contract';
import { backupsContract } from './backups.contract';
import { holidaysContract } from './holidays.contract';
import { issueColumnsContract } from './issue-columns.contract';
import { operatorsContract } from './operators.contract';

/**
 * The whole API between the renderer and the core, `area:verb` → input schema + output type.
 * The Electron IPC layer, the browser host and the renderer's api are all derived from it.
 */
export const contract = {
  'app:info': channel<AppInfo>()(NoInput),

  'settings:get': channel<Settings>()(NoInput),
  'settings:setLanguage': channel<Settings>()(z.object({ language: Language }).strict()),
  /** Remembers the minutes field being typed in (null: the minutes were closed). */
  'settings:setResume': channel<Settings>()(z.object({ resume: ResumePoint.nullable() }).strict()),

  'setup:complete': channel<Settings>()(z.object({ rootKato: KatoCode, language: Language }).strict()),

  'units:search': channel<UnitSearchHit[]>()(
    z
      .object({
        query: RequiredText(100),
        limit: z.number().int().min(1).max(100).optional(),
        reportingOnly: z.boolean().optional(),
      })
      .strict(),
  ),
  'units:get': channel<UnitSummary>()(z.object({ kato: KatoCode }).strict()),
  /** A unit of the working set and everything under it (venues: its localities). */
  'units:subtree': channel<Array<UnitSummary & { depth: number }>>()(z.object({ kato: KatoCode }).strict()),

  'obligations:grid': channel<ObligationsGrid>()(z.object({ year: Year }).strict()),

  ...meetingsContract,
  ...calendarContract,
  ...minutesContract,
  ...rulesContract,
  ...issuesContract,
  ...issuesImportContract,
  ...actionPlanContract,
  ...reportsContract,
  ...exchangeContract,
  ...mailContract,
  ...backupsContract,
  ...holidaysContract,
  ...issueColumnsContract,
  ...operatorsContract,
  /** Null when no long job runs, and always at a door that runs them in line (the CLI, tests). */
  'jobs:progress': channel<JobProgress | null>()(NoInput),
  // `satisfies` makes a channel missing from CHANNELS, or listed without a schema, a compile error.
} as const satisfies Record<ChannelName, Channel<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type { ChannelName };
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
// Exclude, not NonNullable: `output` is optional (a phantom), but a channel may answer null.
export type ChannelOutput<K extends ChannelName> = Exclude<Contract[K]['output'], undefined>;

export const CHANNEL_NAMES: readonly ChannelName[] = CHANNELS;
