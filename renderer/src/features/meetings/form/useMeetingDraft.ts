import { useState } from 'react';
import type { MeetingPlanInput } from '../../../../../shared/contract/meetings.contract';
import type { Meeting, ObligationRef } from '../../../../../shared/contract/types';
import { blankMeeting } from '../../../../../shared/contract/meeting-defaults';
import type { IsoDate } from '../../../../../shared/domain/dates';
import type { MeetingFormat, MeetingKind, QuestionChannel } from '../../../../../shared/domain/meetings/meeting';
import type { PlanPrefill } from '../../../stores/panel.store';

/** The form's fields as the inputs hold them: text, '' for "none". */
export interface Draft {
  unitKato: string;
  kind: MeetingKind;
  date: string;
  time: string;
  /** `ruleSetId|windowKey`, or '' for a meeting outside any window. */
  obligation: string;
  reason: string;
  venueName: string;
  venueAddress: string;
  venueKato: string;
  format: MeetingFormat;
  links: string[];
  akimId: string;
  questionsChannels: QuestionChannel[];
  questionsFrom: string;
  questionsTo: string;
  note: string;
}

export const obligationKey = (ref: ObligationRef | null | undefined): string => (ref ? `${ref.ruleSetId}|${ref.windowKey}` : '');

export function parseObligationKey(key: string): ObligationRef | null {
  const bar = key.indexOf('|');
  return bar < 0 ? null : { ruleSetId: key.slice(0, bar), windowKey: key.slice(bar + 1) };
}

function fromMeeting(m: Meeting, today: IsoDate): Draft {
  return {
    unitKato: m.unitKato,
    kind: m.kind,
    date: m.plannedOn ?? today,
    time: m.plannedTime ?? '',
    obligation: obligationKey(m.obligation),
    reason: m.outsideWindowReason,
    venueName: m.venueName,
    venueAddress: m.venueAddress,
    venueKato: m.venueKato ?? '',
    format: m.format,
    links: m.broadcastLinks.length > 0 ? [...m.broadcastLinks] : [''],
    akimId: m.akimId ?? '',
    questionsChannels: [...m.questionsChannels],
    questionsFrom: m.questionsFrom ?? '',
    questionsTo: m.questionsTo ?? '',
    note: m.note,
  };
}

/** A new meeting's draft: the empty record, with what the caller already knows (the unit too, when there is only one). */
function fromPrefill(p: PlanPrefill, today: IsoDate, onlyUnit: string | null): Draft {
  const blank = blankMeeting({ id: '', origin: '', unitKato: p.unitKato ?? onlyUnit ?? '', now: 0 });
  return fromMeeting({ ...blank, plannedOn: p.date ?? today, obligation: p.obligation ?? null }, today);
}

export function useMeetingDraft(meeting: Meeting | null, prefill: PlanPrefill, today: IsoDate, onlyUnit: string | null) {
  const [draft, setDraft] = useState<Draft>(() => (meeting ? fromMeeting(meeting, today) : fromPrefill(prefill, today, onlyUnit)));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return { draft, set, setDraft };
}

/** The links someone actually typed (empty rows are left out). */
export function typedLinks(draft: Draft): string[] {
  return draft.links.map((l) => l.trim()).filter(Boolean);
}

export function toPlanInput(draft: Draft): MeetingPlanInput {
  const obligation = parseObligationKey(draft.obligation);
  return {
    kind: draft.kind,
    plannedOn: draft.date,
    plannedTime: draft.time || null,
    venueName: draft.venueName.trim(),
    venueAddress: draft.venueAddress.trim(),
    venueKato: draft.venueKato || null,
    format: draft.format,
    broadcastLinks: typedLinks(draft),
    akimId: draft.akimId || null,
    obligation,
    outsideWindowReason: obligation ? '' : draft.reason.trim(),
    questionsChannels: draft.questionsChannels,
    questionsFrom: draft.questionsFrom || null,
    questionsTo: draft.questionsTo || null,
    note: draft.note.trim(),
  };
}
