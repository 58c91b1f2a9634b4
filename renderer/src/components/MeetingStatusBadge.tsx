import type { MeetingStatus } from '../../../shared/domain/meetings/meeting';
import { useT } from '../i18n';

/** A meeting's lifecycle status: colour, a shape and the word, never colour alone. */
export function MeetingStatusBadge({ status, testId }: { status: MeetingStatus; testId?: string }) {
  const { t } = useT();
  return (
    <span className={`mstatus mstatus-${status}`} data-testid={testId}>
      <span className="mstatus-dot" aria-hidden="true" />
      {t(`Meeting.status.${status}`)}
    </span>
  );
}
