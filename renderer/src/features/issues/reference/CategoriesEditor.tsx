import { useState } from 'react';
import type { IssueCategory } from '../../../../../shared/contract/issues.contract';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n';
import { useIssueReferenceStore } from '../../../stores/issue-reference.store';
import { refName } from '../../../hooks/useIssueNames';
import { categoryTree } from '../select-choices';
import { NamePairForm } from './NamePairForm';
import { errorOf, type Result } from '../../../stores/result';

type Editing = { kind: 'add' } | { kind: 'rename'; category: IssueCategory } | { kind: 'child'; parent: IssueCategory } | null;

/** The category tree: rename, add a sub-category, archive (an archived one stays on the issues that have it). */
export function CategoriesEditor() {
  const { t, lng } = useT();
  const categories = useIssueReferenceStore((s) => s.categories);
  const save = useIssueReferenceStore((s) => s.saveCategory);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const rows = categoryTree(categories, true);

  const done = <T,>(result: Result<T>) => {
    if (result.ok) setEditing(null);
    return result;
  };

  function form(e: NonNullable<Editing>) {
    const parentId = e.kind === 'child' ? e.parent.id : e.kind === 'rename' ? e.category.parentId : null;
    return (
      <NamePairForm
        initial={e.kind === 'rename' ? { nameKk: e.category.nameKk, nameRu: e.category.nameRu } : { nameKk: '', nameRu: '' }}
        testId="category"
        title={e.kind === 'rename' ? t('Issues.ref.rename') : e.kind === 'child' ? t('Issues.ref.addChildOf', { name: refName(e.parent, lng) }) : t('Issues.ref.addCategory')}
        submitLabel={t('Issues.ref.save')}
        onCancel={() => setEditing(null)}
        onSubmit={async (names) =>
          done(
            await save(
              e.kind === 'rename'
                ? { id: e.category.id, revision: e.category.revision, parentId, ...names, archived: e.category.archived }
                : { parentId, ...names, archived: false },
            ),
          )
        }
      />
    );
  }

  async function toggleArchived(c: IssueCategory) {
    setError(errorOf(await save({ id: c.id, revision: c.revision, parentId: c.parentId, nameKk: c.nameKk, nameRu: c.nameRu, archived: !c.archived })));
  }

  return (
    <section className="ref-section" aria-labelledby="ref-categories" data-testid="ref-categories">
      <div className="ref-head">
        <h3 id="ref-categories" className="subsection-title">
          {t('Issues.ref.categories')}
        </h3>
        <button type="button" className="button button--small" data-testid="category-add" onClick={() => setEditing({ kind: 'add' })}>
          {t('Issues.ref.addCategory')}
        </button>
      </div>
      {editing?.kind === 'add' && form(editing)}
      <ErrorMessage error={error} />
      <ul className="ref-list">
        {rows.map(({ category: c, depth }) => (
          <li key={c.id} className={c.archived ? 'ref-row is-archived' : 'ref-row'} data-testid={`category-${c.id}`}>
            <div className="ref-line" style={{ paddingLeft: depth * 22 }}>
              <span className="ref-name">{refName(c, lng)}</span>
              <span className="muted ref-other">{lng === 'kk' ? c.nameRu : c.nameKk}</span>
              {c.archived && <span className="kind-badge">{t('Issues.ref.archived')}</span>}
              <span className="ref-actions">
                <button type="button" className="button button--quiet button--small" data-testid={`category-rename-${c.id}`} onClick={() => setEditing({ kind: 'rename', category: c })}>
                  {t('Issues.ref.rename')}
                </button>
                {!c.archived && (
                  <button type="button" className="button button--quiet button--small" data-testid={`category-child-${c.id}`} onClick={() => setEditing({ kind: 'child', parent: c })}>
                    {t('Issues.ref.addChild')}
                  </button>
                )}
                <button type="button" className="button button--quiet button--small" data-testid={`category-archive-${c.id}`} onClick={() => void toggleArchived(c)}>
                  {c.archived ? t('Issues.ref.restore') : t('Issues.ref.archive')}
                </button>
              </span>
            </div>
            {editing && editing.kind !== 'add' && (editing.kind === 'rename' ? editing.category.id : editing.parent.id) === c.id && form(editing)}
          </li>
        ))}
      </ul>
    </section>
  );
}
