import { z } from 'zod';
import type { RuleSet } from '../domain/rules';
import type { Channel } from './contract';

const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });

/** A rule set as listed in Settings: the built-in one is read-only. */
export interface RuleSetView extends RuleSet {
  builtIn: boolean;
}

// TODO(rules helper): the zod schema of a rule set an administrator adds.
const RuleSetInput = z.object({}).passthrough();

/** Rule sets as data (issue 3 §4): list, add (validated), remove a custom one. */
export const rulesContract = {
  'rules:list': channel<RuleSetView[]>()(z.object({}).strict()),
  'rules:add': channel<RuleSetView>()(z.object({ ruleSet: RuleSetInput }).strict()),
  'rules:remove': channel<{ id: string }>()(z.object({ id: z.string().min(1) }).strict()),
};
