import { useId, useState, type FormEvent } from 'react';
import type { Body, BodyPerson } from '../../../../../shared/contract/issues.contract';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n';
import { PositionFields, positionText } from '../../../components/PositionFields';
import { useIssueReferenceStore } from '../../../stores/issue-reference.store';
import { missing, withFieldLabels } from '../field-errors';
import { refName } from '../../../hooks/useIssueNames';
import { NamePairForm } from './NamePairForm';
import { errorOf } from '../../../stores/result';

type Editing =
  | { kind: 'addBody' }
  | { kind: 'body'; body: Body }
  | { kind: 'addPerson'; body: Body }
  | { kind: 'person'; body: Body; person: BodyPerson }
  | null;

/** Responsible bodies (отдел, ГУ, КГП…) and the people in them an issue can be assigned to. */
export function BodiesEditor() {
  const { t, lng } = useT();
  const bodies = useIssueReferenceStore((s) => s.bodies);
  const saveBody = useIssueReferenceStore((s) => s.saveBody);
  const savePerson = useIssueReferenceStore((s) => s.savePerson);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const close = () => setEditing(null);

  const bodyForm = (body: Body | null) => (
    <NamePairForm
      initial={{ nameKk: body?.nameKk ?? '', nameRu: body?.nameRu ?? '' }}
      testId="body"
      title={body ? t('Issues.ref.rename') : t('Issues.ref.addBody')}
      submitLabel={t('Issues.ref.save')}
      onCancel={close}
      onSubmit={async (names) => {
        const result = await saveBody(body ? { id: body.id, revision: body.revision, ...names, archived: body.archived } : { ...names, archived: false });
        if (result.ok) close();
        return result;
      }}
    />
  );

  return (
    <section className="ref-section" aria-labelledby="ref-bodies" data-testid="ref-bodies">
      <div className="ref-head">
        <h3 id="ref-bodies" className="subsection-title">
          {t('Issues.ref.bodies')}
        </h3>
        <button type="button" className="button button--small" data-testid="body-add" onClick={() => setEditing({ kind: 'addBody' })}>
          {t('Issues.ref.addBody')}
        </button>
      </div>
      {editing?.kind === 'addBody' && bodyForm(null)}
      <ErrorMessage error={error} />
      <ul className="ref-list">
        {bodies.map((b) => (
          <li key={b.id} className={b.archived ? 'ref-row is-archived' : 'ref-row'} data-testid={`body-${b.id}`}>
            <div className="ref-line">
              <span className="ref-name">{refName(b, lng)}</span>
              {b.archived && <span className="kind-badge">{t('Issues.ref.archived')}</span>}
              <span className="ref-actions">
                <button type="button" className="button button--quiet button--small" data-testid={`body-rename-${b.id}`} onClick={() => setEditing({ kind: 'body', body: b })}>
                  {t('Issues.ref.rename')}
                </button>
                {!b.archived && (
                  <button type="button" className="button button--quiet button--small" data-testid={`body-person-add-${b.id}`} onClick={() => setEditing({ kind: 'addPerson', body: b })}>
                    {t('Issues.ref.addPerson')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--quiet button--small"
                  data-testid={`body-archive-${b.id}`}
                  onClick={() => void saveBody({ id: b.id, revision: b.revision, nameKk: b.nameKk, nameRu: b.nameRu, archived: !b.archived }).then((r) => setError(errorOf(r)))}
                >
                  {b.archived ? t('Issues.ref.restore') : t('Issues.ref.archive')}
                </button>
              </span>
            </div>
            {editing?.kind === 'body' && editing.body.id === b.id && bodyForm(b)}
            {editing?.kind === 'addPerson' && editing.body.id === b.id && <PersonForm body={b} person={null} onDone={close} />}
            {b.people.length > 0 && (
              <ul className="ref-people">
                {b.people.map((p) => (
                  <li key={p.id} className={p.archived ? 'ref-line is-archived' : 'ref-line'} data-testid={`person-${p.id}`}>
                    <span className="ref-name">{p.fullName}</span>
                    <span className="muted">{positionText(p, lng)}</span>
                    {p.archived && <span className="kind-badge">{t('Issues.ref.archived')}</span>}
                    <span className="ref-actions">
                      <button type="button" className="button button--quiet button--small" data-testid={`person-edit-${p.id}`} onClick={() => setEditing({ kind: 'person', body: b, person: p })}>
                        {t('Issues.ref.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        data-testid={`person-archive-${p.id}`}
                        onClick={() => void savePerson({ id: p.id, revision: p.revision, bodyId: b.id, fullName: p.fullName, positionKk: p.positionKk, positionRu: p.positionRu, archived: !p.archived }).then((r) => setError(errorOf(r)))}
                      >
                        {p.archived ? t('Issues.ref.restore') : t('Issues.ref.archive')}
                      </button>
                    </span>
                    {editing?.kind === 'person' && editing.person.id === p.id && <PersonForm body={b} person={p} onDone={close} />}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PersonForm({ body, person, onDone }: { body: Body; person: BodyPerson | null; onDone: () => void }) {
  const { t } = useT();
  const savePerson = useIssueReferenceStore((s) => s.savePerson);
  const ids = { title: useId(), name: useId() };
  const [fullName, setFullName] = useState(person?.fullName ?? '');
  const [position, setPosition] = useState({ positionKk: person?.positionKk ?? '', positionRu: person?.positionRu ?? '' });
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (fullName.trim() === '') return setError(missing(t, 'fullName'));
    const result = await savePerson({
      ...(person ? { id: person.id, revision: person.revision } : {}),
      bodyId: body.id,
      fullName: fullName.trim(),
      positionKk: position.positionKk.trim(),
      positionRu: position.positionRu.trim(),
      archived: person?.archived ?? false,
    });
    if (!result.ok) return setError(withFieldLabels(t, result.error));
    onDone();
  }

  return (
    <form
      className="subform ref-form"
      aria-labelledby={ids.title}
      noValidate
      data-testid="person-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <h4 id={ids.title} className="subsection-title">
        {person ? t('Issues.ref.edit') : t('Issues.ref.addPerson')}
      </h4>
      <div className="field">
        <label htmlFor={ids.name}>{t('Issues.fields.fullName')}</label>
        <input id={ids.name} autoFocus value={fullName} data-testid="person-name" onChange={(e) => setFullName(e.target.value)} />
      </div>
      <PositionFields value={position} onChange={setPosition} testId="person-position" labelled />
      <ErrorMessage error={error} testId="person-error" />
      <div className="form-actions">
        <button type="submit" className="button button--primary button--small" data-testid="person-submit">
          {t('Issues.ref.save')}
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          {t('Plan.cancel')}
        </button>
      </div>
    </form>
  );
}
