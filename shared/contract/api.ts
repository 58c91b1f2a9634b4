import type { ChannelInput, ChannelOutput } from './contract';
// The names only: the renderer never bundles the zod schemas (the core validates).
import { CHANNELS, type ChannelName } from './channels';
import type { Envelope } from './envelope';
import { EsepError, isErrorCode } from '../errors';

/** Sends one request over whichever door the app runs behind (IPC or HTTP). */
export type Transport = (channel: ChannelName, input: unknown) => Promise<Envelope<unknown>>;

type Area<K> = K extends `${infer A}:${string}` ? A : never;
type Verb<K, A extends string> = K extends `${A}:${infer V}` ? V : never;

/** `api.meetings.recordHeld(input)` for the channel `meetings:recordHeld`. */
export type Api = {
  [A in Area<ChannelName>]: {
    [K in ChannelName as Verb<K, A>]: (input: ChannelInput<K>) => Promise<ChannelOutput<K>>;
  };
};

/** Builds the typed api from the contract; a failed envelope becomes a thrown EsepError. */
export function createApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [area, verb] = channel.split(':') as [string, string];
    (api[area] ??= {})[verb] = async (input: unknown) => {
      const envelope = await transport(channel, input);
      if (envelope.ok) return envelope.value;
      const code = isErrorCode(envelope.error.code) ? envelope.error.code : 'internal';
      throw new EsepError(code, envelope.error.details);
    };
  }
  return api as Api;
}
