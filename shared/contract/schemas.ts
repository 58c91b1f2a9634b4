import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

/** KATO codes are 9-digit TEXT; a number would lose leading zeros and mean nothing. */
export const KatoCode = z.string().regex(/^\d{9}$/, 'kato');

export const IsoDateString = z.string().refine(isIsoDate, 'date');

export const Language = z.enum(['kk', 'ru']);
export type Language = z.infer<typeof Language>;

export const Year = z.number().int().min(2013).max(2100);

export const NoInput = z.object({}).strict();
