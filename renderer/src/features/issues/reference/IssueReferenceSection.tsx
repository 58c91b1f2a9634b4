import { useEffect } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n';
import { useIssueReferenceStore } from '../../../stores/issue-reference.store';
import { BodiesEditor } from './BodiesEditor';
import { CategoriesEditor } from './CategoriesEditor';
import { StatusesEditor } from './StatusesEditor';

/** Settings → the issue log's reference data: categories, statuses, responsible bodies and people. */
export function IssueReferenceSection() {
  const { t } = useT();
  const load = useIssueReferenceStore((s) => s.load);
  const error = useIssueReferenceStore((s) => s.error);
  useEffect(() => void load(), [load]);

  return (
    <section className="card issue-reference" aria-labelledby="settings-issues" data-testid="settings-issues">
      <h2 id="settings-issues" className="section-title">
        {t('Issues.ref.title')}
      </h2>
      <p className="muted">{t('Issues.ref.hint')}</p>
      <ErrorMessage error={error} />
      <CategoriesEditor />
      <StatusesEditor />
      <BodiesEditor />
    </section>
  );
}
