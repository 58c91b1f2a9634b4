import { z } from 'zod';
import type { Akim, Meeting } from './types';
import type { Obligation } from '../domain/rules';
import type { IsoDate } from '../domain/dates';
import { channel, Id, IsoDateString, KatoCode, PositionFields, RequiredText, Revision, Text, Year } from './schemas';
import {
  ANNOUNCEMENT_CHANNELS,
  MEETING_FORMATS,
  MEETING_KINDS,
  MEETING_STATUSES,
  QUESTION_CHANNELS,
} from '../domain/meetings/meeting';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');
const Link = z
  .string()
  .trim()
  .max(500)
  .refine((s) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(s), 'link');
const Count = z.number().int().min(0).max(10_000_000);

export const ObligationRefInput = z.object({ ruleSetId: z.string().min(1).max(100), windowKey: z.string().min(1).max(40) }).strict();

export const OfficialInput = z
  .object({
    fullName: RequiredText(200),
    ...PositionFields,
    body: Text(300),
    isGovernment: z.boolean(),
    isOblastLeadership: z.boolean(),
  })
  .strict();

/** Everything a planner fills in; the same shape edits a planned meeting. */
export const MeetingPlanFields = z
  .object({
    kind: z.enum(MEETING_KINDS),
    plannedOn: IsoDateString,
    plannedTime: Time.nullable(),
    venueName: Text(300),
    venueAddress: Text(500),
    venueKato: KatoCode.nullable(),
    format: z.enum(MEETING_FORMATS),
    broadcastLinks: z.array(Link).max(10),
    akimId: Id.nullable(),
    obligation: ObligationRefInput.nullable(),
    outsideWindowReason: Text(2000),
    questionsChannels: z.array(z.enum(QUESTION_CHANNELS)).max(QUESTION_CHANNELS.length),
    questionsFrom: IsoDateString.nullable(),
    questionsTo: IsoDateString.nullable(),
    note: Text(2000),
  })
  .strict();

export type MeetingPlanInput = z.infer<typeof MeetingPlanFields>;

/** Why a date does or does not fit the unit's legal windows (for the planning form). */
export type PlanWarning =
  /** No window contains the date nor is it in the late period of an unfulfilled one: a reason is needed. */
  | 'outside_window'
  /** After the window closed: the meeting will count, but late. */
  | 'late_for_window'
  /** The window already has a held meeting: this one would fulfil nothing. */
  | 'window_already_held'
  /** Another meeting is already planned for that window. */
  | 'window_already_planned';

export interface PlanPreview {
  /** The obligation to pre-select, or null when the date fits none. */
  suggested: Obligation | null;
  /** The unit's obligations around the date (to choose another). */
  obligations: Obligation[];
  warnings: PlanWarning[];
  /** The unit's first window from today on with no meeting held or planned for it, and the day a new meeting starts at (its first day, or today inside it). */
  nextOpen: { date: IsoDate; obligation: Obligation } | null;
}

export const meetingsContract = {
  'meetings:preview': channel<PlanPreview>()(
    z.object({ unitKato: KatoCode, date: IsoDateString, excludeMeetingId: Id.optional() }).strict(),
  ),
  'meetings:plan': channel<Meeting>()(MeetingPlanFields.extend({ unitKato: KatoCode }).strict()),
  'meetings:update': channel<Meeting>()(MeetingPlanFields.extend({ id: Id, revision: Revision }).strict()),
  'meetings:announce': channel<Meeting>()(
    z
      .object({ id: Id, revision: Revision, announcedOn: IsoDateString, channels: z.array(z.enum(ANNOUNCEMENT_CHANNELS)).min(1) })
      .strict(),
  ),
  'meetings:markHeld': channel<Meeting>()(
    z
      .object({ id: Id, revision: Revision, heldOn: IsoDateString, attendance: Count, onlineViewers: Count.nullable() })
      .strict(),
  ),
  'meetings:close': channel<Meeting>()(z.object({ id: Id, revision: Revision }).strict()),
  'meetings:cancel': channel<Meeting>()(z.object({ id: Id, revision: Revision, reason: RequiredText(2000) }).strict()),
  'meetings:postpone': channel<Meeting>()(
    z.object({ id: Id, revision: Revision, reason: RequiredText(2000), newDate: IsoDateString }).strict(),
  ),
  'meetings:setOfficials': channel<Meeting>()(
    z.object({ id: Id, revision: Revision, officials: z.array(OfficialInput).max(200) }).strict(),
  ),
  'meetings:get': channel<Meeting>()(z.object({ id: Id }).strict()),
  /** Meetings of the working set (or one unit) whose planned or held date falls in a range. */
  'meetings:list': channel<Meeting[]>()(
    z
      .object({
        unitKato: KatoCode.optional(),
        year: Year.optional(),
        from: IsoDateString.optional(),
        to: IsoDateString.optional(),
        statuses: z.array(z.enum(MEETING_STATUSES)).optional(),
      })
      .strict(),
  ),
  /** The quick path of the foundation: a meeting that already took place, in one step. */
  'meetings:recordHeld': channel<Meeting>()(
    z.object({ unitKato: KatoCode, heldOn: IsoDateString, note: z.string().max(2000).optional() }).strict(),
  ),
  'meetings:remove': channel<{ id: string }>()(z.object({ id: Id }).strict()),

  'akims:list': channel<Akim[]>()(z.object({ unitKato: KatoCode }).strict()),
  'akims:save': channel<Akim>()(
    z
      .object({
        id: Id.optional(),
        revision: Revision.optional(),
        unitKato: KatoCode,
        fullName: RequiredText(200),
        ...PositionFields,
        termFrom: IsoDateString,
        termTo: IsoDateString.nullable(),
      })
      .strict(),
  ),
};
