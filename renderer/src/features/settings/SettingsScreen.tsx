import { ErrorMessage } from '../../components/ErrorMessage';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { formatUiDate } from '../../format/dates';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { ReminderDaysSetting } from '../reminders';
import { RuleSetsSection } from './RuleSetsSection';
import { MailSettingsSection } from './MailSettingsSection';
import { IssueReferenceSection } from '../issues';
import { Fact } from '../../components/Fact';
import { IdentitySection } from './IdentitySection';
import { BackupsSection } from './BackupsSection';
import { HolidaysSection } from './HolidaysSection';
import { usePermitted } from '../../hooks/usePermitted';
import { AccountSection } from './AccountSection';
import { OperatorsSection } from './OperatorsSection';

export function SettingsScreen() {
  const { t, lng } = useT();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const languageError = useAppStore((s) => s.languageError);
  const root = useAppStore((s) => s.settings?.workingRoot ?? null);
  const info = useAppStore((s) => s.info);
  const canManageOperators = usePermitted('operators.manage');
  const canWriteSettings = usePermitted('settings.write');
  const canWriteReference = usePermitted('reference.write');

  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <h1 id="settings-title" className="screen-title">
        {t('Settings.title')}
      </h1>

      <section className="card" aria-labelledby="settings-language">
        <h2 id="settings-language" className="section-title">
          {t('Settings.language.title')}
        </h2>
        <LanguageSwitch value={language} onChange={(l) => void setLanguage(l)} variant="full" testIdPrefix="settings-lang" />
        <p className="muted">{t('Settings.language.hint')}</p>
        <ErrorMessage error={languageError} />
      </section>

      {root && (
        <section className="card" aria-labelledby="settings-root">
          <h2 id="settings-root" className="section-title">
            {t('Settings.root.title')}
          </h2>
          <dl className="facts">
            <Fact label={t('Settings.root.nameKk')}>
              <span lang="kk">{root.nameKk}</span>
            </Fact>
            <Fact label={t('Settings.root.nameRu')}>
              <span lang="ru">{root.nameRu}</span>
            </Fact>
            <Fact label={t('Settings.root.kind')}>{t(`Kind.${root.kind}`)}</Fact>
            <Fact label={t('Settings.root.kato')} testId="settings-kato">
              <code>{root.kato}</code>
            </Fact>
          </dl>
        </section>
      )}

      <AccountSection />

      {canManageOperators && <OperatorsSection />}

      {root && <IdentitySection />}

      {canWriteSettings && <RuleSetsSection />}

      {root && canWriteSettings && <ReminderDaysSetting />}

      {canWriteSettings && <HolidaysSection />}

      {canWriteSettings && <MailSettingsSection />}

      {root && canWriteReference && <IssueReferenceSection />}

      {canWriteSettings && <BackupsSection />}

      {info && (
        <section className="card" aria-labelledby="settings-about">
          <h2 id="settings-about" className="section-title">
            {t('Settings.about.title')}
          </h2>
          <dl className="facts">
            <Fact label={t('Settings.about.version')}>{info.version}</Fact>
            <Fact label={t('Settings.about.dataDir')}>
              <code className="path">{info.dataDir}</code>
            </Fact>
            <Fact label={t('Settings.about.schemaVersion')}>{info.schemaVersion}</Fact>
            <Fact label={t('Settings.about.katoEdition')}>{info.katoEdition ?? t('Settings.about.katoUnknown')}</Fact>
            <Fact label={t('Settings.about.today')}>{formatUiDate(info.today, lng)}</Fact>
          </dl>
        </section>
      )}
    </section>
  );
}
