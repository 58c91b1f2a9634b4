import { z } from 'zod';
import type { ContractTable } from '../core/api/dispatch';

/**
 * What a request body may hold besides its longest text: the host's limit for every call before
 * it served files (ids, dates, the minutes of a long meeting are a few hundred KB). Strings the
 * schema bounds by a format alone (a uuid, a KATO code, a date) are short and fit in it too.
 */
export const BODY_ALLOWANCE = 1024 * 1024;

/**
 * The longest string a schema admits anywhere inside it, in characters: for the channels that
 * carry a file, its base64 (ASCII, so as many bytes of JSON). A string without a maximum counts
 * for nothing here: its format bounds it (see BODY_ALLOWANCE).
 */
export function longestString(schema: z.ZodType): number {
  if (schema instanceof z.ZodString) return schema.maxLength ?? 0;
  if (schema instanceof z.ZodObject) return Math.max(0, ...Object.values(schema.shape as Record<string, z.ZodType>).map(longestString));
  if (schema instanceof z.ZodArray) return longestString(schema.element as z.ZodType);
  if (schema instanceof z.ZodUnion) return Math.max(0, ...(schema.options as readonly z.ZodType[]).map(longestString));
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodReadonly) {
    return longestString(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) return Math.max(longestString(schema.in as z.ZodType), longestString(schema.out as z.ZodType));
  if (schema instanceof z.ZodRecord) return Math.max(longestString(schema.keyType as z.ZodType), longestString(schema.valueType as z.ZodType));
  return 0;
}

/**
 * The largest body each channel may send, computed from its input schema: the JSON of the
 * largest input the contract admits (an attachment's or an import's base64 at its maximum)
 * always fits, so a refusal of the host is never stricter than the contract's.
 */
export function bodyLimits(table: ContractTable): ReadonlyMap<string, number> {
  return new Map(Object.entries(table).map(([channel, { input }]) => [channel, BODY_ALLOWANCE + longestString(input)]));
}
