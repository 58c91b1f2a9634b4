/**
 * Kinds of administrative units. Every kind but `locality` has an akim of its own and so
 * reporting obligations; a locality is only a venue and an issue location.
 */
export const UNIT_KINDS = [
  'oblast',
  'capital',
  'republican_city',
  'city_district',
  'district',
  'oblast_city',
  'district_city',
  'rural_okrug',
  'settlement',
  'village',
  'locality',
] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];

export type ReportingUnitKind = Exclude<UnitKind, 'locality'>;

export const REPORTING_UNIT_KINDS = UNIT_KINDS.filter(
  (k): k is ReportingUnitKind => k !== 'locality',
);

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

export function isReportingKind(kind: UnitKind): kind is ReportingUnitKind {
  return kind !== 'locality';
}
