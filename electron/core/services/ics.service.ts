import type { CoreContext } from '../context';
import type { IcsFile } from '../../../shared/contract/calendar.contract';
import { EsepError } from '../../../shared/errors';

// TODO(helper): planned meetings of the working set as one iCalendar file.
export function exportIcs(_ctx: CoreContext, _input: { from: string; to: string; language: 'kk' | 'ru' }): IcsFile {
  throw new EsepError('internal');
}
