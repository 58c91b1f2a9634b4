import { useEffect, useRef, useState } from 'react';
import type { RuleSetView } from '../../../../shared/contract/rules.contract';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatUiDate } from '../../format/dates';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { useRulesStore } from '../../stores/rules.store';
import { RuleSetsForm } from './RuleSetsForm';
import { RuleSetsList } from './RuleSetsList';
import { ruleSetName, ruleSetStyles } from './RuleSetsText';

/**
 * Settings → rule sets (issue 3 §4): the built-in Decree 615 and the sets an administrator
 * added, and the form to add one. A change reloads the calendar, whose windows follow it.
 */
export function RuleSetsSection() {
  const { t, lng } = useT();
  const today = useAppStore((s) => s.info?.today);
  const sets = useRulesStore((s) => s.sets);
  const loadError = useRulesStore((s) => s.loadError);
  const load = useRulesStore((s) => s.load);
  const removeSet = useRulesStore((s) => s.remove);
  const [actionError, setActionError] = useState<ErrorPayload | null>(null);
  const error = actionError ?? loadError;
  const [adding, setAdding] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // Bumped to send focus back to "Add" once it is on screen again (after the form or a removal).
  const [focusAdd, setFocusAdd] = useState(0);

  useEffect(() => {
    if (focusAdd > 0) addButton.current?.focus();
  }, [focusAdd]);

  useEffect(() => {
    void load();
  }, [load]);

  async function remove(rs: RuleSetView) {
    setBusyId(rs.id);
    setActionError(null);
    setNotice(null);
    const result = await removeSet(rs.id);
    if (result.ok) setNotice(t('RuleSets.removed', { name: ruleSetName(rs, lng) }));
    else setActionError(result.error);
    setBusyId(null);
    setFocusAdd((n) => n + 1);
  }

  function added(rs: RuleSetView) {
    setAdding(false);
    setFocusAdd((n) => n + 1);
    setNotice(t('RuleSets.added', { name: ruleSetName(rs, lng), date: formatUiDate(rs.effectiveFrom, lng) }));
  }

  return (
    <section className="card" aria-labelledby="settings-rules" data-testid="rules-section">
      <h2 id="settings-rules" className="section-title">
        {t('RuleSets.title')}
      </h2>
      <p className="muted">{t('RuleSets.intro')}</p>
      <ErrorMessage error={error} />
      {notice && (
        <p className="message message--success" role="status" data-testid="rules-notice">
          {notice}
        </p>
      )}
      {sets === null ? (
        !error && <p className="muted">{t('RuleSets.loading')}</p>
      ) : (
        <RuleSetsList sets={sets} busyId={busyId} onRemove={(rs) => void remove(rs)} />
      )}
      {adding && sets !== null ? (
        <div style={ruleSetStyles.stack}>
          <RuleSetsForm
            existing={sets}
            today={today}
            onAdded={added}
            onCancel={() => {
              setAdding(false);
              setFocusAdd((n) => n + 1);
            }}
          />
        </div>
      ) : (
        <button
          ref={addButton}
          type="button"
          className="button button--primary"
          disabled={sets === null}
          onClick={() => {
            setNotice(null);
            setAdding(true);
          }}
          data-testid="rules-add-open"
        >
          {t('RuleSets.add')}
        </button>
      )}
    </section>
  );
}
