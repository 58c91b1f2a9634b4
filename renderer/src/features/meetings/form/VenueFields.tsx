import { useId, useMemo } from 'react';
import type { UnitSummary } from '../../../../../shared/contract/types';
import { unitName } from '../../../format/units';
import { useT } from '../../../i18n';
import { FieldRefusal } from '../../../components/TextField';
import { ariaOf, refusalOf, type SectionProps } from './fields';
import { useSubtree } from '../../../hooks/useSubtree';

/** Venue: its name, address and the locality of the unit's KATO subtree (or the unit itself). */
export function VenueFields({ draft, set, register, refused, unit }: SectionProps & { unit: UnitSummary | null }) {
  const { t, lng } = useT();
  const ids = { name: useId(), places: useId(), placesHint: useId(), address: useId(), locality: useId() };
  const subtree = useSubtree(draft.unitKato);
  // Localities grouped under the unit that contains them (a district's okrugs, an okrug itself).
  const groups = useMemo(() => {
    const names = new Map(subtree.map((u) => [u.kato, u]));
    const out = new Map<string, UnitSummary[]>();
    for (const u of subtree) {
      if (u.kind !== 'locality' || u.parent === null) continue;
      const list = out.get(u.parent) ?? [];
      list.push(u);
      out.set(u.parent, list);
    }
    return [...out.entries()].map(([parent, localities]) => ({ parent: names.get(parent) ?? null, localities }));
  }, [subtree]);
  // Offered as venue names (any other may be typed); picking one also fills the locality.
  const places = useMemo(() => [...(unit ? [unit] : []), ...groups.flatMap((g) => g.localities)], [unit, groups]);

  function typeName(name: string) {
    set('venueName', name);
    const place = places.find((p) => unitName(p, lng) === name);
    if (place && draft.venueKato === '') set('venueKato', place.kato);
  }

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('Plan.sections.venue')}</legend>
      <div className="field">
        <label htmlFor={ids.name}>{t('Plan.venueName')}</label>
        <input
          id={ids.name}
          ref={register('venueName')}
          maxLength={300}
          value={draft.venueName}
          placeholder={t('Plan.venueNamePlaceholder')}
          list={places.length > 0 ? ids.places : undefined}
          aria-describedby={places.length > 0 ? ids.placesHint : undefined}
          data-testid="plan-venue-name"
          onChange={(e) => typeName(e.target.value)}
        />
        {places.length > 0 && (
          <>
            <datalist id={ids.places} data-testid="plan-venue-places">
              {places.map((p) => (
                <option key={p.kato} value={unitName(p, lng)} />
              ))}
            </datalist>
            <p id={ids.placesHint} className="hint field-hint">
              {t('Plan.venuePlacesHint')}
            </p>
          </>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.address}>{t('Plan.venueAddress')}</label>
        <input
          id={ids.address}
          ref={register('venueAddress')}
          maxLength={500}
          value={draft.venueAddress}
          data-testid="plan-venue-address"
          onChange={(e) => set('venueAddress', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.locality}>{t('Plan.venueLocality')}</label>
        <select
          id={ids.locality}
          ref={register('venueKato')}
          value={draft.venueKato}
          disabled={!unit}
          {...ariaOf(refused, 'venueKato')}
          data-testid="plan-venue-locality"
          onChange={(e) => set('venueKato', e.target.value)}
        >
          <option value="">{t('Plan.venueLocalityNone')}</option>
          {unit && <option value={unit.kato}>{t('Plan.venueUnitItself', { name: unitName(unit, lng) })}</option>}
          {groups.map(({ parent, localities }) => (
            <optgroup key={parent?.kato ?? ''} label={parent ? unitName(parent, lng) : ''}>
              {localities.map((l) => (
                <option key={l.kato} value={l.kato}>
                  {unitName(l, lng)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldRefusal of={refusalOf(refused, 'venueKato')} testId="plan-venue-locality-error" />
      </div>
    </fieldset>
  );
}
