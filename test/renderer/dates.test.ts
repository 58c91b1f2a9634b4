import { describe, expect, it } from 'vitest';
import { formatDayMonth, formatOfficialDate, formatUiDate, monthName } from '../../renderer/src/format/dates';

const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const RU_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

const iso = (month: number, day: number) => `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

describe('date formatting', () => {
  it('official Kazakh style: "2025 жылғы 15 қаңтар"', () => {
    expect(formatOfficialDate('2025-01-15', 'kk')).toBe('2025 жылғы 15 қаңтар');
    expect(formatOfficialDate('2024-12-01', 'kk')).toBe('2024 жылғы 1 желтоқсан');
  });

  it('official Russian style: "15 января 2025 г."', () => {
    expect(formatOfficialDate('2025-01-15', 'ru')).toBe('15 января 2025 г.');
    expect(formatOfficialDate('2025-03-31', 'ru')).toBe('31 марта 2025 г.');
  });

  it('uses the nominative month after "жылғы" and the Russian genitive after the day, every month', () => {
    KK_MONTHS.forEach((name, i) => expect(formatOfficialDate(iso(i + 1, 9), 'kk')).toBe(`2025 жылғы 9 ${name}`));
    RU_GENITIVE.forEach((name, i) => expect(formatOfficialDate(iso(i + 1, 9), 'ru')).toBe(`9 ${name} 2025 г.`));
  });

  it('keeps the calendar day whatever the time zone (no instant in between)', () => {
    expect(formatUiDate('2025-01-01', 'kk')).toBe('01.01.2025');
    expect(formatUiDate('2024-02-29', 'ru')).toBe('29.02.2024');
    expect(formatDayMonth('2025-10-14', 'kk')).toBe('14.10');
  });

  it('names months for column headers, capitalised, in the nominative', () => {
    expect(monthName(1, 'kk')).toBe('Қаңтар');
    expect(monthName(9, 'kk')).toBe('Қыркүйек');
    expect(monthName(1, 'ru')).toBe('Январь');
    expect(monthName(5, 'ru')).toBe('Май');
  });
});
