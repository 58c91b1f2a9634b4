import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

/** KATO codes are 9-digit TEXT; a number would lose leading zeros and mean nothing. */
export const KatoCode = z.string().regex(/^\d{9}$/, 'kato');

export const IsoDateString = z.string().refine(isIsoDate, 'date');

export const Language = z.enum(['kk', 'ru']);
export type Language = z.infer<typeof Language>;

export const Year = z.number().int().min(2013).max(2100);

export const NoInput = z.object({}).strict();

/**
 * Where the secretary was typing: a meeting and the field of its minutes editor, by the field's
 * data-testid (short, and safe to put in a CSS selector as it is).
 */
export const ResumePoint = z
  .object({
    meetingId: z.uuid(),
    field: z.string().min(1).max(100).regex(/^[a-z0-9-]+$/),
  })
  .strict();
export type ResumePoint = z.infer<typeof ResumePoint>;
