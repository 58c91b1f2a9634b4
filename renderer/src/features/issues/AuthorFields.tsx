import { useId } from 'react';
import type { IssueAuthor } from '../../../../shared/contract/issues.contract';
import { useT } from '../../i18n';

export const NO_AUTHOR: IssueAuthor = { fullName: '', phone: '', address: '' };

/** The author's personal data as typed; null when every field is empty (no author recorded). */
export function authorOrNull(a: IssueAuthor): IssueAuthor | null {
  const trimmed = { fullName: a.fullName.trim(), phone: a.phone.trim(), address: a.address.trim() };
  return trimmed.fullName === '' && trimmed.phone === '' && trimmed.address === '' ? null : trimmed;
}

/** Name, phone and address of who raised an issue; `<testId>-name`, `-phone`, `-address`. */
export function AuthorFields({ value, onChange, testId }: { value: IssueAuthor; onChange: (author: IssueAuthor) => void; testId: string }) {
  const { t } = useT();
  const ids = { name: useId(), phone: useId(), address: useId() };
  const set = (key: keyof IssueAuthor, text: string) => onChange({ ...value, [key]: text });
  return (
    <>
      <div className="field">
        <label htmlFor={ids.name}>{t('Issues.fields.fullName')}</label>
        <input id={ids.name} value={value.fullName} autoComplete="off" data-testid={`${testId}-name`} onChange={(e) => set('fullName', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.phone}>{t('Issues.fields.phone')}</label>
        <input id={ids.phone} type="tel" value={value.phone} autoComplete="off" data-testid={`${testId}-phone`} onChange={(e) => set('phone', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.address}>{t('Issues.fields.address')}</label>
        <input id={ids.address} value={value.address} autoComplete="off" data-testid={`${testId}-address`} onChange={(e) => set('address', e.target.value)} />
      </div>
    </>
  );
}
