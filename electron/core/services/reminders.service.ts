import type { CoreContext } from '../context';
import type { Reminder } from '../../../shared/contract/calendar.contract';
import { EsepError } from '../../../shared/errors';

// TODO(helper): reminders of the working set as of today.
export function listReminders(_ctx: CoreContext): Reminder[] {
  throw new EsepError('internal');
}
