import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

/*
 * The contract's building blocks, defined once: the channel constructor and the primitive
 * schemas every contract file uses. Contract files import them from here, never from
 * contract.ts, which imports the contract files.
 */

/** A channel: its input schema (validated at every door) and, as a phantom, its output type. */
export interface Channel<I extends z.ZodType, O> {
  input: I;
  readonly output?: O;
}

/** `channel<Output>()(inputSchema)`: the output type is stated, the input type inferred. */
export const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });

/** A form field: surrounding spaces trimmed, possibly empty. */
export const Text = (max: number) => z.string().trim().max(max);

/** A form field that must say something: trimmed, then at least one character. */
export const RequiredText = (max: number) => z.string().trim().min(1).max(max);

/** A person's position, in both languages (shared/domain/people/positions.ts); either may be empty. */
export const PositionFields = { positionKk: Text(300), positionRu: Text(300) };

/**
 * Prose typed live and autosaved (the minutes), stored exactly as typed: trimming each save
 * would drop the space or line break just typed from the draft a crash or a reload returns to.
 * Whoever reads it for meaning (completeness, the issues it registers, the documents) trims.
 */
export const UntrimmedText = (max: number) => z.string().max(max);

/** Records are named by uuid wherever they may travel between installations. */
export const Id = z.uuid();

/** Optimistic concurrency: a change names the revision it was made from. */
export const Revision = z.number().int().min(1);

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
    meetingId: Id,
    field: z.string().min(1).max(100).regex(/^[a-z0-9-]+$/),
  })
  .strict();
export type ResumePoint = z.infer<typeof ResumePoint>;
