import type { CoreContext } from '../context';
import type { Dashboard } from '../../../shared/contract/calendar.contract';
import { EsepError } from '../../../shared/errors';

// TODO(helper): the compliance dashboard of the working set for a year.
export function getDashboard(_ctx: CoreContext, _input: { year: number }): Dashboard {
  throw new EsepError('internal');
}
