import { useEffect } from 'react';
import type { Issue } from '../../../../../shared/contract/issues.contract';
import { Fact } from '../../../components/Fact';
import { formatUiDate } from '../../../format/dates';
import { useT } from '../../../i18n';
import { positionText } from '../../../components/PositionFields';
import { useIssuesStore } from '../../../stores/issues.store';
import { meetingDate, useMeetingsStore } from '../../../stores/meetings.store';
import { usePanelStore } from '../../../stores/panel.store';
import type { IssueNames } from '../../../hooks/useIssueNames';

/** Every field of the record, in the order a secretary reads it out. */
export function IssueFacts({ issue: i, names }: { issue: Issue; names: IssueNames }) {
  const { t, lng } = useT();
  const date = (d: string) => formatUiDate(d, lng);
  const person = names.person(i.personId);

  return (
    <dl className="facts facts--card" data-testid="issue-facts">
      <Fact label={t('Issues.fields.registryNo')} testId="issue-fact-registry">
        {i.meetingNo !== null ? t('Issues.card.numbers', { no: i.registryNo, meetingNo: i.meetingNo }) : i.registryNo}
      </Fact>
      {i.meetingId && (
        <Fact label={t('Issues.fields.meetingId')}>
          <MeetingLink meetingId={i.meetingId} names={names} />
        </Fact>
      )}
      <Fact label={t('Issues.fields.raisedOn')}>{date(i.raisedOn)}</Fact>
      <Fact label={t('Issues.fields.receivedVia')}>
        {t(`Issues.receivedVia.${i.receivedVia}`)}
        {i.collective && <span className="muted">{` · ${t('Issues.fields.collective')}`}</span>}
      </Fact>
      <Fact label={t('Issues.fields.text')} testId="issue-fact-text">
        <span className="pre-wrap">{i.text}</span>
      </Fact>
      <Fact label={t('Issues.fields.categoryId')} testId="issue-fact-category">
        {names.category(i.categoryId) || t('Issues.none')}
      </Fact>
      <Fact label={t('Issues.fields.unitKato')}>{names.unit(i.unitKato)}</Fact>
      <Fact label={t('Issues.fields.localityKato')}>{names.unit(i.localityKato) || t('Issues.none')}</Fact>
      <Fact label={t('Issues.fields.answeredOnSpot')}>
        {i.answeredOnSpot ? <span className="pre-wrap">{i.answer || t('Issues.yes')}</span> : t('Issues.no')}
      </Fact>
      <Fact label={t('Issues.fields.bodyId')} testId="issue-fact-body">
        {[names.body(i.bodyId), person ? [person.fullName, positionText(person, lng)].filter(Boolean).join(', ') : ''].filter(Boolean).join('; ') || t('Issues.none')}
      </Fact>
      <Fact label={t('Issues.fields.deadline')} testId="issue-fact-deadline">
        {i.deadline ? date(i.deadline) : t('Issues.none')}
        {i.prolongations > 0 && <span className="muted">{` · ${t('Issues.prolonged', { count: i.prolongations })}`}</span>}
      </Fact>
      <Fact label={t('Issues.fields.onControl')}>{i.onControl ? i.controller || t('Issues.yes') : t('Issues.no')}</Fact>
      {i.eotinishNo && (
        <Fact label={t('Issues.fields.eotinishNo')} testId="issue-fact-eotinish">
          <code>{i.eotinishNo}</code>
        </Fact>
      )}
      {i.repeatsId && (
        <Fact label={t('Issues.fields.repeatsId')}>
          <RepeatLink issueId={i.repeatsId} />
        </Fact>
      )}
      {i.closed && (
        <Fact label={t('Issues.fields.outcome')} testId="issue-fact-outcome">
          {[i.outcome ? t(`Issues.outcome.${i.outcome}`) : '', i.closedOn ? date(i.closedOn) : ''].filter(Boolean).join(', ')}
        </Fact>
      )}
    </dl>
  );
}

function MeetingLink({ meetingId, names }: { meetingId: string; names: IssueNames }) {
  const { t, lng } = useT();
  const meeting = useMeetingsStore((s) => s.byId[meetingId] ?? null);
  const loadMeeting = useMeetingsStore((s) => s.loadMeeting);
  const replace = usePanelStore((s) => s.replace);
  useEffect(() => {
    if (!useMeetingsStore.getState().byId[meetingId]) void loadMeeting(meetingId);
  }, [meetingId, loadMeeting]);
  const day = meeting ? meetingDate(meeting) : null;
  return (
    <button type="button" className="link-button" data-testid="issue-meeting-link" onClick={() => replace({ kind: 'card', meetingId })}>
      {meeting ? t('Issues.meeting.link', { unit: names.unit(meeting.unitKato), date: day ? formatUiDate(day, lng) : '—' }) : t('Issues.meeting.loading')}
    </button>
  );
}

function RepeatLink({ issueId }: { issueId: string }) {
  const { t, lng } = useT();
  const repeated = useIssuesStore((s) => s.byId[issueId] ?? null);
  const loadIssue = useIssuesStore((s) => s.loadIssue);
  const open = usePanelStore((s) => s.open);
  useEffect(() => {
    if (!useIssuesStore.getState().byId[issueId]) void loadIssue(issueId);
  }, [issueId, loadIssue]);
  return (
    <button type="button" className="link-button" data-testid="issue-repeats-link" onClick={() => open({ kind: 'issue', issueId })}>
      {repeated ? t('Issues.card.repeats', { no: repeated.registryNo, date: formatUiDate(repeated.raisedOn, lng) }) : t('Issues.loading')}
    </button>
  );
}
