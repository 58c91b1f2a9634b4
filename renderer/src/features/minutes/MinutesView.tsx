import type { KeyboardEvent } from 'react';
import type { Minutes } from '../../../../shared/contract/minutes.contract';
import type { UnitSummary } from '../../../../shared/contract/types';
import { formatTime, formatUiDate } from '../../format/dates';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  if (value.trim() === '') return null;
  return (
    <div className="minutes-view-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** A key that would change text if this were a field: a character, Backspace, Delete, Enter. */
function isEditKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete' || event.key === 'Enter';
}

/**
 * Final minutes, read-only, with their amendments (who, when, why, how many changes). The
 * secretary who starts typing into it is told why nothing happens and offered the amendment
 * (`onTryEdit`). Received minutes show here too, final or not: nothing offers to change them.
 */
export function MinutesView({ minutes, localities, onTryEdit }: { minutes: Minutes; localities: readonly UnitSummary[]; onTryEdit?: () => void }) {
  const { t, lng } = useT();
  const place = (kato: string | null) => {
    const u = kato ? localities.find((x) => x.kato === kato) : undefined;
    return u ? unitName(u, lng) : '';
  };
  return (
    <div
      className="minutes-view"
      data-testid="minutes-view"
      role="document"
      aria-readonly="true"
      aria-label={t('Minutes.title')}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget || !isEditKey(e)) return;
        e.preventDefault();
        onTryEdit?.();
      }}
      onPaste={(e) => {
        e.preventDefault();
        onTryEdit?.();
      }}
    >
      {minutes.status === 'final' && (
        <p className="message message--success" data-testid="minutes-final">
          {t('Minutes.finalized')}
        </p>
      )}
      <dl className="minutes-view-facts">
        <Row label={t('Minutes.fields.number')} value={minutes.number} testId="minutes-view-number" />
        <Row label={t('Minutes.fields.date')} value={minutes.date ? formatUiDate(minutes.date, lng) : ''} />
        <Row label={t('Minutes.fields.place')} value={minutes.place} />
        <Row label={t('Minutes.fields.chair')} value={minutes.chair} testId="minutes-view-chair" />
        <Row label={t('Minutes.fields.secretary')} value={minutes.secretary} />
        <Row label={t('Minutes.fields.presentCount')} value={minutes.presentCount === null ? '' : String(minutes.presentCount)} />
        <Row label={t('Minutes.fields.presentList')} value={minutes.presentList} />
        <Row label={t('Minutes.fields.invited')} value={minutes.invited} />
      </dl>
      <h3 className="form-section-title">{t('Minutes.agenda')}</h3>
      <ol className="minutes-items">
        {minutes.items.map((item, i) => (
          <li key={item.id} className="minutes-item form-section">
            <p className="minutes-item-title">
              {t('Minutes.item', { n: i + 1 })}
              {': '}
              {item.title}
            </p>
            <dl>
              <Row label={t('Minutes.itemSpeaker')} value={item.speaker} />
              <Row label={t('Minutes.heard')} value={item.heard} />
            </dl>
            {item.speeches.length > 0 && <h4 className="minutes-subtitle">{t('Minutes.spoke')}</h4>}
            <ul className="minutes-rows">
              {item.speeches.map((s) => (
                <li key={s.id}>
                  <strong>{[s.speaker, place(s.localityKato)].filter(Boolean).join(', ')}</strong>
                  {s.gist && <p>{s.gist}</p>}
                  {s.issueKind && (
                    <p className="hint">
                      {t(`Minutes.issueKinds.${s.issueKind}`)}
                      {': '}
                      {s.issueText}
                    </p>
                  )}
                </li>
              ))}
            </ul>
            {item.decisions.length > 0 && <h4 className="minutes-subtitle">{t('Minutes.decided')}</h4>}
            <ol className="minutes-rows">
              {item.decisions.map((d) => (
                <li key={d.id}>
                  <p>{d.text}</p>
                  <dl>
                    <Row label={t('Minutes.decision.responsible')} value={d.responsible} />
                    <Row label={t('Minutes.decision.deadline')} value={d.deadline ? formatUiDate(d.deadline, lng) : ''} />
                  </dl>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {minutes.amendments.length > 0 && (
        <section className="form-section" data-testid="minutes-amendments">
          <h3 className="form-section-title">{t('Minutes.amendments')}</h3>
          <ul>
            {minutes.amendments.map((a) => (
              <li key={a.id}>
                {t('Minutes.amendment', { date: formatInstant(a.at), actor: a.actor, reason: a.reason })}{' '}
                <span className="muted">{t('Minutes.changes', { count: a.changes.length })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `dd.MM.yyyy HH:mm` in local time: the way both languages write an instant in minutes. */
export function formatInstant(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${formatTime(ms)}`;
}
