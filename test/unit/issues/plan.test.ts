import { describe, expect, it } from 'vitest';
import { AMOUNT_PATTERN, amountValue, formatAmount, matchingDecision, periodOf, periodRange } from '../../../shared/domain/issues/plan';
import { akimOfUnit } from '../../../shared/domain/units/office-name';

describe('funding amounts', () => {
  it.each([
    ['1250000', 1250000, '1\u00a0250\u00a0000'],
    ['1 250 000', 1250000, '1\u00a0250\u00a0000'],
    ['1\u00a0250\u00a0000,5', 1250000.5, '1\u00a0250\u00a0000,50'],
    ['1 250 000.50', 1250000.5, '1\u00a0250\u00a0000,50'],
    ['999', 999, '999'],
    ['0', 0, '0'],
    ['007', 7, '7'],
    ['500 000 000', 500000000, '500\u00a0000\u00a0000'],
  ])('%s is %d, printed %s', (typed, value, printed) => {
    expect(AMOUNT_PATTERN.test(typed)).toBe(true);
    expect(amountValue(typed)).toBe(value);
    expect(formatAmount(typed)).toBe(printed);
  });

  it.each(['', '12,5,0', '1.234.567', '1 2345', '-5', 'сто', '1,234'])('%j is not an amount', (typed) => {
    expect(amountValue(typed)).toBeNull();
    expect(formatAmount(typed)).toBe(typed.trim());
  });
});

describe('period presets', () => {
  it('gives quarters, half-years and the year', () => {
    expect(periodRange('quarter', 2025, 1)).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(periodRange('quarter', 2024, 4)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(periodRange('half', 2024, 1)).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    expect(periodRange('half', 2025, 2)).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(periodRange('year', 2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('recognises a preset range, and nothing else', () => {
    expect(periodOf('2025-04-01', '2025-06-30')).toEqual({ kind: 'quarter', year: 2025, n: 2 });
    expect(periodOf('2025-07-01', '2025-12-31')).toEqual({ kind: 'half', year: 2025, n: 2 });
    expect(periodOf('2025-01-01', '2025-12-31')).toEqual({ kind: 'year', year: 2025, n: 1 });
    expect(periodOf('2025-01-15', '2025-06-30')).toBeNull();
    expect(periodOf('2025-01-01', '2026-03-31')).toBeNull();
  });
});

describe('the decision an issue was answered by', () => {
  const decisions = [{ text: 'Көше жарығын қалпына келтіру' }, { text: 'Обеспечить подвоз питьевой воды' }, { text: '' }];

  it('is the only one, or the one sharing most words', () => {
    expect(matchingDecision('anything', [decisions[0]!])).toBe(decisions[0]);
    expect(matchingDecision('Көше жарығы жоқ', decisions)).toBe(decisions[0]);
    expect(matchingDecision('Нет питьевой воды, просим подвоз', decisions)).toBe(decisions[1]);
  });

  it('is none when several share nothing with it, or there are none', () => {
    expect(matchingDecision('Балабақшаға орын', decisions)).toBeNull();
    expect(matchingDecision('x', [])).toBeNull();
    expect(matchingDecision('x', [{ text: ' ' }])).toBeNull();
  });
});

describe('the akim in a document title', () => {
  it('is possessive in Kazakh and genitive in Russian', () => {
    const district = { kind: 'district', nameKk: 'Абай ауданы', nameRu: 'Абайский район' } as const;
    expect(akimOfUnit(district, 'kk')).toBe('Абай ауданы әкімінің');
    expect(akimOfUnit(district, 'ru')).toBe('акима Абайского района');
    const okrug = { kind: 'rural_okrug', nameKk: 'Қараауыл а.о.', nameRu: 'Карааульский с.о.' } as const;
    expect(akimOfUnit(okrug, 'ru')).toBe('акима Карааульского сельского округа');
  });
});
