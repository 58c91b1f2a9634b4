import { useState } from 'react';
import { useT } from '../../../i18n';
import { ActionForm } from '../../../components/ActionForm';
import type { ActionFormProps } from './action-forms';
import { officialRows, officialsToSave, OfficialRows, type OfficialRow } from '../../../components/OfficialRows';

/** The card's action for the officials present (the minutes panel edits the same list). */
export function OfficialsForm({ meeting, busy, error, run, refuse, onCancel }: ActionFormProps) {
  const { t } = useT();
  const [rows, setRows] = useState<OfficialRow[]>(() => officialRows(meeting.officials));

  function submit() {
    const officials = officialsToSave(rows);
    if (!officials) return refuse({ code: 'validation', details: { fields: [t('Meeting.officials.name')] } });
    run('setOfficials', { id: meeting.id, revision: meeting.revision, officials });
  }

  return (
    <ActionForm title={t('Meeting.actions.setOfficials')} submitLabel={t('Meeting.officials.save')} testId="officials" busy={busy} error={error} onCancel={onCancel} onSubmit={submit}>
      <OfficialRows rows={rows} onChange={setRows} />
    </ActionForm>
  );
}
