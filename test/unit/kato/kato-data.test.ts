import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainKind } from '../../../shared/domain/kato/derive-kind';
import { buildUnits, parseKatoCsv, type KatoUnit } from '../../../shared/domain/kato/kato-csv';
import { isReportingKind, type UnitKind } from '../../../shared/domain/units/unit-kind';

// The classifier shipped with the app: НК РК 11-2025, actualised 2026-07-17.
const text = readFileSync(new URL('../../../resources/kato/kato.csv', import.meta.url), 'utf8');
const rows = parseKatoCsv(text);
const units = buildUnits(rows);
const byCode = new Map(units.map((u) => [u.code, u]));
const parentOf = (u: KatoUnit) => (u.parent === null ? undefined : byCode.get(u.parent));

/**
 * Counts checked by inspecting every kind over the whole file. They reconcile with the
 * README's counts: 20 top-level rows = 17 oblasts + Astana + Almaty + Shymkent; 209 district-level
 * = 170 districts + 39 Г.А.; the 2,379 sub-district rows = 2,108 с.о. + 108 с.а. + 71 п.а.
 * + 32 г.а. + 19 districts of the three big cities + 2 р.а. (Karaganda) + 39 city rows (EF=10,
 * localities); of the 12,986 settlement rows, 16 are cities with no г.а. (г.Атбасар…) and
 * 4 are districts of Aktobe and Taraz with no р.а.; the rest are localities.
 * city_district = 19 + 2 + 4; district_city = 32 + 16; locality = 12,966 + 39.
 */
const EXPECTED_COUNTS: Record<UnitKind, number> = {
  oblast: 17,
  capital: 1,
  republican_city: 2,
  city_district: 25,
  district: 170,
  oblast_city: 39,
  district_city: 48,
  rural_okrug: 2108,
  settlement: 71,
  village: 108,
  locality: 13005,
};

/** Which kinds may contain which: the akimat hierarchy, plus places inside their akimat. */
const ALLOWED_PARENTS: Record<UnitKind, ReadonlyArray<UnitKind | null>> = {
  oblast: [null],
  capital: [null],
  republican_city: [null],
  city_district: ['capital', 'republican_city', 'oblast_city'],
  district: ['oblast'],
  oblast_city: ['oblast'],
  district_city: ['district'],
  rural_okrug: ['district', 'oblast_city'],
  settlement: ['district', 'oblast_city'],
  village: ['district', 'oblast_city'],
  locality: ['oblast_city', 'city_district', 'district', 'district_city', 'rural_okrug', 'settlement', 'village', 'locality'],
};

describe('the shipped classifier (resources/kato/kato.csv)', () => {
  it('has 15,594 rows of one edition', () => {
    expect(rows).toHaveLength(15_594);
    expect(new Set(units.map((u) => u.edition))).toEqual(new Set(['NK RK 11-2025']));
  });

  it('gives every row but the top-level ones a parent', () => {
    const topLevel = new Set<UnitKind>(['oblast', 'capital', 'republican_city']);
    const wrong = units.filter((u) => (u.parent === null) !== topLevel.has(u.kind)).map((u) => u.code);
    expect(wrong).toEqual([]);
  });

  it('derives the expected number of units of each kind, none by a fallback rule', () => {
    const counts = Object.fromEntries(Object.keys(EXPECTED_COUNTS).map((k) => [k, 0])) as Record<UnitKind, number>;
    for (const u of units) counts[u.kind]++;
    expect(counts).toEqual(EXPECTED_COUNTS);
    const fallbacks = units.filter((u) => explainKind(u).fallback).map((u) => `${u.code} ${u.nameRu}`);
    expect(fallbacks).toEqual([]);
  });

  it('hangs every unit off a parent of a sensible kind', () => {
    const wrong = units
      .map((u) => ({ u, parentKind: parentOf(u)?.kind ?? null }))
      .filter(({ u, parentKind }) => !ALLOWED_PARENTS[u.kind].includes(parentKind))
      .map(({ u, parentKind }) => `${u.code} ${u.kind} <- ${parentKind}`);
    expect(wrong).toEqual([]);
  });

  it('never puts a reporting unit under a locality, and every locality has a reporting ancestor', () => {
    const underLocality = units.filter((u) => isReportingKind(u.kind) && parentOf(u)?.kind === 'locality');
    expect(underLocality).toEqual([]);
    const orphanedPlaces = units.filter((u) => {
      if (u.kind !== 'locality') return false;
      for (let p = parentOf(u); p; p = parentOf(p)) if (isReportingKind(p.kind)) return false;
      return true;
    });
    expect(orphanedPlaces).toEqual([]);
  });

  it.each([
    ['101000000', 'oblast_city', '101010000'],
    ['103620000', 'district_city', '103620100'],
    ['351011000', 'city_district', '351011100'],
  ] as const)('reports once per akimat: %s is the %s, its child %s only the place', (admin, kind, place) => {
    expect(byCode.get(admin)?.kind).toBe(kind);
    expect(byCode.get(place)).toMatchObject({ kind: 'locality', parent: admin });
  });
});
