import { useEffect, useId, useState } from 'react';
import { copyText } from '../../clipboard';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Fact } from '../../components/Fact';
import { Fingerprint } from '../../components/Fingerprint';
import { useOriginUnit } from '../../components/ReceivedMark';
import { formatOfficialInstant } from '../../format/dates';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';
import { useExchangeStore } from '../../stores/exchange.store';

/**
 * This installation as others see it: its id, its unit, the fingerprint read out over the
 * phone before a first package is trusted, the public key that checks its signatures without
 * Esep, and the installations it trusts.
 */
export function IdentitySection() {
  const { t, lng } = useT();
  const identity = useExchangeStore((s) => s.identity);
  const identityError = useExchangeStore((s) => s.identityError);
  const loadIdentity = useExchangeStore((s) => s.loadIdentity);
  const loadOrigins = useExchangeStore((s) => s.loadOrigins);
  const keyLabel = useId();
  const [copied, setCopied] = useState<boolean | null>(null);

  useEffect(() => {
    void loadIdentity();
    void loadOrigins();
  }, [loadIdentity, loadOrigins]);

  async function copy(text: string) {
    setCopied(await copyText(text));
  }

  return (
    <section className="card identity" aria-labelledby="settings-identity" data-testid="settings-identity">
      <h2 id="settings-identity" className="section-title">
        {t('Identity.title')}
      </h2>
      <p className="muted">{t('Identity.intro')}</p>
      <ErrorMessage error={identityError} testId="identity-error" />
      {identity && (
        <>
          <dl className="facts">
            {identity.root && (
              <Fact label={t('Identity.unit')} testId="identity-unit">
                {unitName(identity.root, lng)}
              </Fact>
            )}
            <Fact label={t('Identity.installationId')} testId="identity-installation-id">
              <code>{identity.installationId}</code>
            </Fact>
          </dl>
          {identity.key ? (
            <>
              <div className="identity-block">
                <span className="field-label">{t('Identity.fingerprint')}</span>
                <Fingerprint value={identity.key.fingerprint} size="large" testId="identity-fingerprint" />
                <p className="hint">{t('Identity.fingerprintHint')}</p>
              </div>
              <div className="identity-block">
                <span id={keyLabel} className="field-label">
                  {t('Identity.publicKey')}
                </span>
                <div className="public-key-row">
                  <pre className="public-key" aria-labelledby={keyLabel} data-testid="identity-public-key">
                    {identity.key.publicKey.trimEnd()}
                  </pre>
                  <button type="button" className="button button--small" data-testid="identity-copy" onClick={() => void copy(identity.key!.publicKey)}>
                    {t('Identity.copy')}
                  </button>
                </div>
                <div role="status" className="identity-copy-status">
                  {copied === true && (
                    <p className="message message--success" data-testid="identity-copied">
                      {t('Identity.copied')}
                    </p>
                  )}
                </div>
                {copied === false && (
                  <p className="message message--warning" role="alert" data-testid="identity-copy-failed">
                    {t('Identity.copyFailed')}
                  </p>
                )}
                <p className="hint">{t('Identity.publicKeyHint')}</p>
              </div>
            </>
          ) : (
            <p className="message message--warning" data-testid="identity-no-key">
              {t('Identity.noKey')}
            </p>
          )}
        </>
      )}
      <TrustedOrigins />
    </section>
  );
}

/** The installations whose packages were applied here, each with the key it is trusted by. */
function TrustedOrigins() {
  const { t, lng } = useT();
  const origins = useExchangeStore((s) => s.origins);
  const originsError = useExchangeStore((s) => s.originsError);
  const originUnit = useOriginUnit();
  const titleId = useId();

  return (
    <div className="identity-block identity-origins">
      <h3 id={titleId} className="subsection-title">
        {t('Identity.origins.title')}
      </h3>
      <p className="hint">{t('Identity.origins.hint')}</p>
      <ErrorMessage error={originsError} testId="identity-origins-error" />
      {origins !== null && origins.length === 0 && (
        <p className="muted" data-testid="identity-origins-none">
          {t('Identity.origins.none')}
        </p>
      )}
      {origins !== null && origins.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-labelledby={titleId} data-testid="identity-origins">
            <thead>
              <tr>
                <th scope="col">{t('Identity.origins.unit')}</th>
                <th scope="col">{t('Identity.origins.fingerprint')}</th>
                <th scope="col">{t('Identity.origins.trusted')}</th>
                <th scope="col">{t('Identity.origins.lastPackage')}</th>
              </tr>
            </thead>
            <tbody>
              {origins.map((o) => (
                <tr key={o.installationId} data-testid={`origin-${o.installationId}`}>
                  <th scope="row">
                    {originUnit(o)}
                    <code className="table-sub muted">{o.installationId}</code>
                  </th>
                  <td>
                    <Fingerprint value={o.fingerprint} size="small" />
                  </td>
                  <td>{t('Identity.origins.trustedValue', { date: formatOfficialInstant(o.trustedAt, lng), actor: o.trustedBy })}</td>
                  <td>
                    {o.lastPackageAt === null
                      ? t('Exchange.sequenceValue', { sequence: o.lastSequence })
                      : t('Identity.origins.lastPackageValue', { sequence: o.lastSequence, date: formatOfficialInstant(o.lastPackageAt, lng) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
