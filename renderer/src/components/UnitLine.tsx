import type { UnitSummary } from '../../../shared/contract/types';
import { unitName } from '../format/units';
import { useT } from '../i18n';

/** A unit's name and kind on one line, as the rows of an attention list start. */
export function UnitLine({ unit }: { unit: UnitSummary }) {
  const { t, lng } = useT();
  return (
    <span className="dash-unit">
      <span className="dash-unit-name">{unitName(unit, lng)}</span>
      <span className="muted dash-unit-kind">{t(`Kind.${unit.kind}`)}</span>
    </span>
  );
}
