import { useJobsStore } from '../stores/jobs.store';
import { formatCount } from '../format/numbers';
import { useT } from '../i18n';

/** What each long job is called while it runs (JOB_CHANNELS, by area and verb). */
const JOB_LABEL: Record<string, string> = {
  'issuesImport:preview': 'Jobs.import',
  'issuesImport:check': 'Jobs.import',
  'issuesImport:commit': 'Jobs.import',
  'reports:get': 'Jobs.report',
  'reports:export': 'Jobs.report',
  'actionPlan:export': 'Jobs.document',
  'minutes:exportDocx': 'Jobs.document',
  'exchange:export': 'Jobs.packageExport',
  'exchange:verify': 'Jobs.packageImport',
  'exchange:preview': 'Jobs.packageImport',
  'exchange:import': 'Jobs.packageImport',
};

/**
 * The long job under way, in the header whatever the screen: what it is, how far (rows of an
 * import, records of a package), and how many wait behind it. The other screens stay usable.
 */
export function JobStatus() {
  const { t, lng } = useT();
  const shown = useJobsStore((s) => s.shown);
  if (!shown) return null;
  const what = t(JOB_LABEL[shown.channel] ?? 'Jobs.mail');
  const total = shown.total;
  return (
    <div className="job-status" role="status" data-testid="job-status">
      <span className="job-status-text">
        {total === null ? t('Jobs.working', { what }) : t('Jobs.counted', { what, done: formatCount(shown.done, lng), total: formatCount(total, lng) })}
        {shown.queued > 0 && <span className="job-status-queued"> · {t('Jobs.queued', { count: shown.queued })}</span>}
      </span>
      {/* Without a total the bar is indeterminate: it moves, and says nothing it does not know. */}
      <progress className="job-status-bar" {...(total === null ? {} : { max: total, value: shown.done })} aria-hidden="true" />
    </div>
  );
}
