import { useId, useState, type FormEvent } from 'react';
import type { Issue, IssueAuthor } from '../../../../../shared/contract/issues.contract';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Fact } from '../../../components/Fact';
import { useT } from '../../../i18n';
import { useIssuesStore } from '../../../stores/issues.store';
import { AuthorFields, authorOrNull, NO_AUTHOR } from '../AuthorFields';
import { withFieldLabels } from '../field-errors';

/**
 * Who raised the issue: personal data, kept apart and read only on request (never part of the
 * issue as the log or the card load it), and forgotten again when hidden. A received issue's
 * author is only shown (`readOnly`).
 */
export function AuthorSection({ issue, readOnly }: { issue: Issue; readOnly: boolean }) {
  const { t } = useT();
  const readAuthor = useIssuesStore((s) => s.author);
  const setAuthor = useIssuesStore((s) => s.setAuthor);
  const titleId = useId();
  const [author, setShown] = useState<IssueAuthor | null>(null);
  const [editing, setEditing] = useState<IssueAuthor | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function show() {
    setBusy(true);
    const result = await readAuthor(issue.id);
    setBusy(false);
    if (result.ok) setShown(result.value ?? NO_AUTHOR);
    else setError(result.error);
  }

  async function save(event: FormEvent, value: IssueAuthor | null) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await setAuthor(issue.id, value && authorOrNull(value));
    setBusy(false);
    if (!result.ok) return setError(withFieldLabels(t, result.error));
    setEditing(null);
    setShown(result.value);
  }

  return (
    <section className="issue-author" aria-labelledby={titleId} data-testid="issue-author-section">
      <h3 id={titleId} className="subsection-title">
        {t('Issues.author.title')}
      </h3>
      {editing ? (
        <form className="subform" noValidate onSubmit={(e) => void save(e, editing)} data-testid="issue-author-form">
          <div className="author-fields">
            <AuthorFields value={editing} testId="issue-author" onChange={setEditing} />
          </div>
          <ErrorMessage error={error} testId="issue-author-error" />
          <div className="form-actions">
            <button type="submit" className="button button--primary button--small" disabled={busy} data-testid="issue-author-save">
              {t('Issues.author.save')}
            </button>
            <button type="button" className="button button--small" onClick={() => setEditing(null)}>
              {t('Plan.cancel')}
            </button>
          </div>
        </form>
      ) : author ? (
        <>
          <dl className="facts facts--card" data-testid="issue-author">
            <Fact label={t('Issues.fields.fullName')}>{author.fullName || t('Issues.none')}</Fact>
            <Fact label={t('Issues.fields.phone')}>{author.phone || t('Issues.none')}</Fact>
            <Fact label={t('Issues.fields.address')}>{author.address || t('Issues.none')}</Fact>
          </dl>
          <div className="form-actions">
            {!readOnly && (
              <button type="button" className="button button--small" data-testid="issue-author-edit" onClick={() => setEditing(author)}>
                {t('Issues.author.edit')}
              </button>
            )}
            <button type="button" className="button button--small button--quiet" data-testid="issue-author-hide" onClick={() => setShown(null)}>
              {t('Issues.author.hide')}
            </button>
          </div>
        </>
      ) : issue.hasAuthor ? (
        <div className="form-actions">
          <p className="muted">{t('Issues.author.hidden')}</p>
          <button type="button" className="button button--small" disabled={busy} data-testid="issue-author-show" onClick={() => void show()}>
            {t('Issues.author.show')}
          </button>
        </div>
      ) : (
        <div className="form-actions">
          <p className="muted">{t('Issues.author.none')}</p>
          {!readOnly && (
            <button type="button" className="button button--small" data-testid="issue-author-add" onClick={() => setEditing(NO_AUTHOR)}>
              {t('Issues.author.add')}
            </button>
          )}
        </div>
      )}
      {!editing && <ErrorMessage error={error} testId="issue-author-error" />}
    </section>
  );
}
