import { useId } from 'react';
import type { ImportPreview, PackagePreview } from '../../../../shared/contract/exchange.contract';
import { PACKAGE_KINDS, type KindCounts } from '../../../../shared/domain/exchange/record-kinds';
import { Fact } from '../../components/Fact';
import { Fingerprint } from '../../components/Fingerprint';
import { useOriginUnit } from '../../components/ReceivedMark';
import { formatOfficialInstant } from '../../format/dates';
import { formatCount } from '../../format/numbers';
import { periodName } from '../../format/period-name';
import { useT } from '../../i18n';

const COLUMNS = ['new', 'changed', 'unchanged', 'refused'] as const satisfies ReadonlyArray<keyof KindCounts>;

type Mode = { mode: 'preview'; confirmed: ReadonlySet<string>; onConfirm: (installationId: string, on: boolean) => void } | { mode: 'applied' };

/**
 * The packages of a file: the file's own, and under each the packages from below it carries
 * (data/forwarded/), as the core lists them (a forwarded package before its carrier).
 */
export function PackageList({ preview, ...mode }: { preview: ImportPreview } & Mode) {
  const top = preview.packages.filter((p) => p.forwardedIn === null);
  return (
    <ul className="package-list">
      {top.map((p) => (
        <PackageItem key={p.packageId} pkg={p} all={preview.packages} {...mode} />
      ))}
    </ul>
  );
}

function PackageItem({ pkg, all, ...mode }: { pkg: PackagePreview; all: readonly PackagePreview[] } & Mode) {
  const { t } = useT();
  const carried = all.filter((p) => p.forwardedIn === pkg.packageId);
  return (
    <li className="package-item">
      <PackageCard pkg={pkg} carrier={all.find((p) => p.packageId === pkg.forwardedIn) ?? null} {...mode} />
      {carried.length > 0 && (
        <div className="package-forwarded">
          <p className="subsection-title">{t('Exchange.package.forwarded')}</p>
          <ul className="package-list">
            {carried.map((p) => (
              <PackageItem key={p.packageId} pkg={p} all={all} {...mode} />
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

function PackageCard({ pkg, carrier, ...mode }: { pkg: PackagePreview; carrier: PackagePreview | null } & Mode) {
  const { t, lng } = useT();
  const originUnit = useOriginUnit();
  const titleId = useId();
  const confirmId = useId();
  const unit = originUnit(pkg.origin);
  const testId = `package-${pkg.packageId}`;
  const dispositionKey = mode.mode === 'applied' ? 'appliedDisposition' : 'disposition';
  return (
    <article className={`package-card package-card--${pkg.disposition}`} aria-labelledby={titleId} data-testid={testId}>
      <header className="package-head">
        <h3 id={titleId} className="package-title" data-testid={`${testId}-unit`}>
          {t('Exchange.package.label', { unit })}
        </h3>
        <span className={`badge package-disposition package-disposition--${pkg.disposition}`} data-testid={`${testId}-disposition`}>
          {t(`Exchange.package.${dispositionKey}.${pkg.disposition}`)}
        </span>
      </header>
      <dl className="facts facts--card package-facts">
        <Fact label={t('Exchange.package.period')} testId={`${testId}-period`}>
          {periodName(pkg.period, t, lng)}
        </Fact>
        <Fact label={t('Exchange.package.created')} testId={`${testId}-created`}>
          {formatOfficialInstant(pkg.createdAt, lng)}
        </Fact>
        <Fact label={t('Exchange.package.sequence')} testId={`${testId}-sequence`}>
          {t('Exchange.sequenceValue', { sequence: pkg.sequence })}
        </Fact>
      </dl>
      {pkg.gap > 0 && (
        <p className="message message--warning" data-testid={`${testId}-gap`}>
          {t('Exchange.package.gap', { count: pkg.gap, last: pkg.lastSequence })}
        </p>
      )}
      {mode.mode === 'preview' && pkg.origin.trust === 'new' && (
        <div className="package-trust package-trust--new" data-testid={`${testId}-trust`}>
          <p>{t('Exchange.package.trust.new')}</p>
          <span className="field-label">{t('Exchange.package.fingerprint')}</span>
          <Fingerprint value={pkg.origin.fingerprint} size="large" testId={`${testId}-fingerprint`} />
          <label className="choice" htmlFor={confirmId}>
            <input
              id={confirmId}
              type="checkbox"
              checked={mode.confirmed.has(pkg.origin.installationId)}
              data-testid={`${testId}-confirm`}
              onChange={(e) => mode.onConfirm(pkg.origin.installationId, e.target.checked)}
            />
            {t('Exchange.package.confirm')}
          </label>
        </div>
      )}
      {mode.mode === 'preview' && pkg.origin.trust === 'vouched' && (
        <div className="package-trust" data-testid={`${testId}-trust`}>
          <p>{t('Exchange.package.trust.vouched', { unit: carrier ? originUnit(carrier.origin) : unit })}</p>
          <Fingerprint value={pkg.origin.fingerprint} size="small" testId={`${testId}-fingerprint`} />
        </div>
      )}
      {mode.mode === 'preview' && pkg.origin.trust === 'trusted' && (
        <p className="muted package-trust-line" data-testid={`${testId}-trust`}>
          {t('Exchange.package.trust.trusted')} <Fingerprint value={pkg.origin.fingerprint} size="small" />
        </p>
      )}
      <CountsTable pkg={pkg} applied={mode.mode === 'applied'} testId={testId} />
      <Refusals pkg={pkg} testId={testId} />
    </article>
  );
}

/** Per kind of record, what importing does to it (or did), in the order the importer applies them. */
function CountsTable({ pkg, applied, testId }: { pkg: PackagePreview; applied: boolean; testId: string }) {
  const { t, lng } = useT();
  const captionId = useId();
  const kinds = PACKAGE_KINDS.filter((k) => pkg.counts[k] !== undefined);
  // A package passed over is not counted: its disposition says all there is.
  if (kinds.length === 0) return pkg.disposition === 'apply' ? <p className="muted">{t('Exchange.package.noRecords')}</p> : null;
  return (
    <div className="table-scroll package-counts">
      <table className="table" aria-labelledby={captionId} data-testid={`${testId}-counts`}>
        <caption id={captionId} className="package-counts-caption">
          {t(applied ? 'Exchange.package.countsApplied' : 'Exchange.package.counts')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('Exchange.package.columns.kind')}</th>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="num">
                {t(`Exchange.package.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => {
            const counts = pkg.counts[k]!;
            return (
              <tr key={k} data-testid={`${testId}-kind-${k}`}>
                <th scope="row">{t(`Exchange.kinds.${k}`)}</th>
                {COLUMNS.map((c) => (
                  <td key={c} className={counts[c] === 0 ? 'num muted' : c === 'refused' ? 'num is-refused' : 'num'} data-testid={`${testId}-${k}-${c}`}>
                    {formatCount(counts[c], lng)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The refused records, each with its reason in words (the core lists the first hundred). */
function Refusals({ pkg, testId }: { pkg: PackagePreview; testId: string }) {
  const { t, lng } = useT();
  if (pkg.refusals.length === 0) return null;
  const refused = Object.values(pkg.counts).reduce((sum, c) => sum + (c?.refused ?? 0), 0);
  return (
    <div className="package-refusals" data-testid={`${testId}-refusals`}>
      <p className="subsection-title">{t('Exchange.package.refusals')}</p>
      <ul className="package-refusal-list">
        {pkg.refusals.map((r) => (
          <li key={`${r.kind}:${r.id}`}>
            {t('Exchange.package.refusal', { kind: t(`Exchange.kinds.${r.kind}`), id: r.id, reason: t(`Exchange.refusal.${r.reason}`) })}
          </li>
        ))}
      </ul>
      {refused > pkg.refusals.length && <p className="hint">{t('Exchange.package.refusalsFirst', { number: formatCount(pkg.refusals.length, lng) })}</p>}
    </div>
  );
}
