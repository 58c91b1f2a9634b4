import type { CoreContext } from '../context';
import type { Minutes } from '../../../shared/contract/minutes.contract';
import type { MinutesBody } from '../../../shared/domain/minutes/minutes';
import { EsepError } from '../../../shared/errors';

// TODO(minutes helper): open / save (autosave) / finalize / amend.
export function openMinutes(_ctx: CoreContext, _input: { meetingId: string }): Minutes {
  throw new EsepError('internal');
}
export function saveMinutes(_ctx: CoreContext, _input: { minutesId: string; revision: number; body: MinutesBody }): Minutes {
  throw new EsepError('internal');
}
export function finalizeMinutes(_ctx: CoreContext, _input: { minutesId: string; revision: number }): Minutes {
  throw new EsepError('internal');
}
export function amendMinutes(_ctx: CoreContext, _input: { minutesId: string; revision: number; reason: string; body: MinutesBody }): Minutes {
  throw new EsepError('internal');
}
