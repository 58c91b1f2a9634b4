import { useEffect } from 'react';
import { useAppStore } from './stores/app.store';
import { useMeetingsStore } from './stores/meetings.store';
import { usePanelStore } from './stores/panel.store';
import { RecordPanel } from './features/calendar';
import { IssueCard } from './features/issues';
import { MeetingCard, MeetingForm } from './features/meetings';
import { MinutesPanel } from './features/minutes';
import { ReportExportPanel } from './features/reports';
import { useWorkingUnits } from './hooks/useWorkingUnits';
import { usePermitted } from './hooks/usePermitted';

/** The one side panel of the shell, whichever screen opened it. */
export function SidePanelHost() {
  const panel = usePanelStore((s) => s.panel);
  const serial = usePanelStore((s) => s.serial);
  const close = usePanelStore((s) => s.close);
  const replace = usePanelStore((s) => s.replace);
  const today = useAppStore((s) => s.info?.today ?? null);
  const units = useWorkingUnits();
  const editing = useMeetingsStore((s) => (panel?.kind === 'edit' ? (s.byId[panel.meetingId] ?? null) : null));
  const loadMeeting = useMeetingsStore((s) => s.loadMeeting);
  const canWrite = usePermitted('records.write');

  const editId = panel?.kind === 'edit' ? panel.meetingId : null;
  useEffect(() => {
    if (editId && !useMeetingsStore.getState().byId[editId]) void loadMeeting(editId);
  }, [editId, loadMeeting]);

  if (!panel || today === null) return null;
  // A calendar cell or a reminder opens a form to plan or record: not for a role that may not (access.ts).
  if (!canWrite && (panel.kind === 'record' || panel.kind === 'plan' || panel.kind === 'edit')) return null;
  switch (panel.kind) {
    case 'record':
      return <RecordPanel key={serial} units={units} initialUnit={panel.unitKato} today={today} onClose={close} />;
    case 'plan':
      return (
        <MeetingForm
          key={serial}
          units={units}
          today={today}
          prefill={panel.prefill}
          meeting={null}
          onClose={close}
          onSaved={(m) => replace({ kind: 'card', meetingId: m.id, saved: 'planned' })}
        />
      );
    case 'edit':
      return editing ? (
        <MeetingForm
          key={serial}
          units={units}
          today={today}
          prefill={{}}
          meeting={editing}
          onClose={() => replace({ kind: 'card', meetingId: editing.id })}
          onSaved={(m) => replace({ kind: 'card', meetingId: m.id, saved: 'updated' })}
        />
      ) : null;
    case 'card':
      return (
        <MeetingCard
          key={serial}
          meetingId={panel.meetingId}
          saved={panel.saved ?? null}
          units={units}
          today={today}
          onClose={close}
          onEdit={() => replace({ kind: 'edit', meetingId: panel.meetingId })}
          onMinutes={() => replace({ kind: 'minutes', meetingId: panel.meetingId })}
        />
      );
    case 'minutes':
      return <MinutesPanel key={serial} meetingId={panel.meetingId} onClose={() => replace({ kind: 'card', meetingId: panel.meetingId })} />;
    case 'issue':
      return <IssueCard key={serial} issueId={panel.issueId} today={today} onClose={close} />;
    case 'reportExport':
      return <ReportExportPanel key={serial} noteYear={panel.noteYear} onClose={close} />;
  }
}
