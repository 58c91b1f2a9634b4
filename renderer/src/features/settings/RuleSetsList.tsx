import { useState } from 'react';
import type { RuleSetView } from '../../../../shared/contract/rules.contract';
import { periodsInForce, type RuleSet } from '../../../../shared/domain/rules';
import type { ReportingUnitKind } from '../../../../shared/domain/units/unit-kind';
import { formatUiDate } from '../../format/dates';
import { useT } from '../../i18n';
import { RuleGroupSummary, ruleSetName, ruleSetStyles } from './RuleSetsText';

interface Successor {
  by: RuleSet;
  from: string;
  kinds: ReportingUnitKind[];
}

/** For each kind `rs` covers and a later set takes over, who takes it over and from when. */
function successorsOf(rs: RuleSet, all: readonly RuleSet[]): Successor[] {
  const out = new Map<string, Successor>();
  for (const kind of rs.groups.flatMap((g) => g.kinds)) {
    const periods = periodsInForce(all, kind);
    const i = periods.findIndex((p) => p.ruleSet.id === rs.id);
    const next = periods[i + 1];
    if (i < 0 || next === undefined || periods[i]!.to === rs.effectiveTo) continue;
    const key = `${next.ruleSet.id}|${next.from}`;
    const entry = out.get(key) ?? { by: next.ruleSet, from: next.from, kinds: [] };
    entry.kinds.push(kind);
    out.set(key, entry);
  }
  return [...out.values()].sort((a, b) => (a.from < b.from ? -1 : 1));
}

/** The kinds `rs` governs up to its own effectiveTo with no later set to take them over. */
function lapsingKinds(rs: RuleSet, all: readonly RuleSet[]): ReportingUnitKind[] {
  if (rs.effectiveTo === null) return [];
  return rs.groups
    .flatMap((g) => g.kinds)
    .filter((kind) => {
      const periods = periodsInForce(all, kind);
      return periods.at(-1)?.ruleSet.id === rs.id;
    });
}

function KindBadges({ kinds }: { kinds: readonly ReportingUnitKind[] }) {
  const { t } = useT();
  return (
    <span style={ruleSetStyles.chips}>
      {kinds.map((kind) => (
        <span key={kind} className="kind-badge">
          {t(`Kind.${kind}`)}
        </span>
      ))}
    </span>
  );
}

/** The rule sets, each with its groups described in words; custom ones removable after a confirm. */
export function RuleSetsList({
  sets,
  busyId,
  onRemove,
}: {
  sets: readonly RuleSetView[];
  busyId: string | null;
  onRemove: (rs: RuleSetView) => void;
}) {
  const { t, lng } = useT();
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <ul style={ruleSetStyles.list} data-testid="rules-list">
      {sets.map((rs) => {
        const name = ruleSetName(rs, lng);
        const headingId = `rules-item-${rs.id}-name`;
        const lapsing = lapsingKinds(rs, sets);
        return (
          <li key={rs.id} style={ruleSetStyles.item} data-testid={`rules-item-${rs.id}`} aria-labelledby={headingId}>
            <div style={ruleSetStyles.itemHead}>
              <h3 id={headingId} style={ruleSetStyles.itemName}>
                {name}
              </h3>
              {rs.builtIn && (
                <span className="badge" data-testid={`rules-builtin-${rs.id}`}>
                  {t('RuleSets.builtIn')}
                </span>
              )}
            </div>
            <dl className="facts">
              <div className="fact">
                <dt>{t('RuleSets.effectiveFrom')}</dt>
                <dd data-testid={`rules-from-${rs.id}`}>{formatUiDate(rs.effectiveFrom, lng)}</dd>
              </div>
              <div className="fact">
                <dt>{t('RuleSets.effectiveTo')}</dt>
                <dd data-testid={`rules-to-${rs.id}`}>
                  {rs.effectiveTo === null ? t('RuleSets.openEnded') : formatUiDate(rs.effectiveTo, lng)}
                </dd>
              </div>
            </dl>
            {successorsOf(rs, sets).map((s) => {
              const values = { date: formatUiDate(s.from, lng), name: ruleSetName(s.by, lng) };
              const all = s.kinds.length === rs.groups.flatMap((g) => g.kinds).length;
              return (
                <div key={`${s.by.id}-${s.from}`} className="note-box" data-testid={`rules-superseded-${rs.id}`}>
                  <span>{all ? t('RuleSets.supersededAll', values) : t('RuleSets.superseded', values)}</span>
                  {!all && <KindBadges kinds={s.kinds} />}
                </div>
              );
            })}
            {rs.effectiveTo !== null && lapsing.length > 0 && (
              <div className="note-box" data-testid={`rules-lapses-${rs.id}`}>
                <span>{t('RuleSets.lapses', { date: formatUiDate(rs.effectiveTo, lng) })}</span>
                <KindBadges kinds={lapsing} />
              </div>
            )}
            <div style={ruleSetStyles.groups}>
              {rs.groups.map((g) => (
                <RuleGroupSummary key={g.code} group={g} testId={`rules-group-${rs.id}-${g.code}`} />
              ))}
            </div>
            {!rs.builtIn &&
              (confirming === rs.id ? (
                <div className="inline-confirm" role="group" aria-label={t('RuleSets.removeConfirm')}>
                  <span className="inline-confirm-text">{t('RuleSets.removeConfirm')}</span>
                  <button
                    type="button"
                    className="button button--danger button--small"
                    disabled={busyId === rs.id}
                    data-testid={`rules-remove-yes-${rs.id}`}
                    onClick={() => onRemove(rs)}
                  >
                    {t('RuleSets.removeYes')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    data-testid={`rules-remove-no-${rs.id}`}
                    onClick={() => setConfirming(null)}
                    autoFocus
                  >
                    {t('RuleSets.removeNo')}
                  </button>
                </div>
              ) : (
                <div>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={t('RuleSets.removeLabel', { name })}
                    data-testid={`rules-remove-${rs.id}`}
                    onClick={() => setConfirming(rs.id)}
                  >
                    {t('RuleSets.remove')}
                  </button>
                </div>
              ))}
          </li>
        );
      })}
    </ul>
  );
}
