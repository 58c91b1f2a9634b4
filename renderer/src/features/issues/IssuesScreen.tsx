import { useRef, type KeyboardEvent } from 'react';
import { toYmd } from '../../../../shared/domain/dates';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { useIssuesStore, type IssuesTab } from '../../stores/issues.store';
import { IssueLog } from './IssueLog';
import { ActionPlanView } from './plan/ActionPlanView';
import { ImportWizard } from './import/ImportWizard';
import { usePermitted } from '../../hooks/usePermitted';

const TABS: readonly IssuesTab[] = ['log', 'plan', 'import'];

/** Citizens' issues: the log, the action plan over the same scope, and the import of a legacy log. */
export function IssuesScreen() {
  const { t } = useT();
  const tab = useIssuesStore((s) => s.tab);
  const setTab = useIssuesStore((s) => s.setTab);
  const filter = useIssuesStore((s) => s.filter);
  const refresh = useIssuesStore((s) => s.refresh);
  const today = useAppStore((s) => s.info?.today ?? null);
  const root = useAppStore((s) => s.settings?.workingRoot?.kato ?? null);
  const tabs = useRef(new Map<IssuesTab, HTMLButtonElement>());
  // A legacy log carries authors: its import is the keeper of the log's (access.ts).
  const canImport = usePermitted('reference.write');
  const shown = canImport ? TABS : TABS.filter((id) => id !== 'import');

  if (today === null || root === null) return null;
  const year = toYmd(today).year;
  // The plan covers what the log shows: its meeting, or its unit over its period (this year by default).
  const scope = filter.meetingId
    ? { meetingId: filter.meetingId }
    : { unitKato: filter.unitKato ?? root, from: filter.from ?? `${year}-01-01`, to: filter.to ?? `${year}-12-31` };

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); the panel follows at once.
  function onTabKey(event: KeyboardEvent) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = shown[(shown.indexOf(tab) + step + shown.length) % shown.length]!;
    setTab(next);
    tabs.current.get(next)?.focus();
  }

  return (
    <section className="screen issues-screen" aria-labelledby="issues-title" data-testid="issues-screen">
      <div className="toolbar">
        <h1 id="issues-title" className="screen-title">
          {t('Issues.title')}
        </h1>
        <div className="tabs" role="tablist" aria-label={t('Issues.tabs.label')} onKeyDown={onTabKey}>
          {shown.map((id) => (
            <button
              key={id}
              ref={(el) => {
                if (el) tabs.current.set(id, el);
              }}
              type="button"
              role="tab"
              id={`issues-tab-${id}`}
              className="tab"
              aria-selected={tab === id}
              aria-controls="issues-tabpanel"
              tabIndex={tab === id ? 0 : -1}
              data-testid={`issues-tab-${id}`}
              onClick={() => setTab(id)}
            >
              {t(`Issues.tabs.${id}`)}
            </button>
          ))}
        </div>
      </div>
      <div id="issues-tabpanel" role="tabpanel" aria-labelledby={`issues-tab-${tab}`} className="issues-tabpanel">
        {tab === 'log' && <IssueLog />}
        {tab === 'plan' && <ActionPlanView scope={scope} />}
        {tab === 'import' && canImport && (
          // The wizard states its result row by row: the log is refreshed behind it, the tab stays.
          <ImportWizard onDone={() => void refresh()} />
        )}
      </div>
    </section>
  );
}
