import { useT } from '../../i18n';

/** What a chart's colours stand for; the swatch takes its colour from the item's class. */
export function ChartLegend({ items }: { items: ReadonlyArray<{ key: string; label: string; className: string }> }) {
  const { t } = useT();
  return (
    <ul className="chart-legend" aria-label={t('Reports.charts.legend')}>
      {items.map((i) => (
        <li key={i.key} className={i.className}>
          <span className="chart-swatch" aria-hidden="true" />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
