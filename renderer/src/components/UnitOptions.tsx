import type { UnitSummary } from '../../../shared/contract/types';
import { unitName } from '../format/units';
import { useT } from '../i18n';

/** A unit <select>'s options: the working set's reporting units in tree order, indented, each with its kind. */
export function UnitOptions({ units }: { units: ReadonlyArray<{ unit: UnitSummary; depth: number }> }) {
  const { t, lng } = useT();
  return (
    <>
      {units.map(({ unit, depth }) => (
        <option key={unit.kato} value={unit.kato}>
          {'\u00a0\u00a0'.repeat(depth) + t('Record.unitOption', { name: unitName(unit, lng), kind: t(`Kind.${unit.kind}`) })}
        </option>
      ))}
    </>
  );
}
