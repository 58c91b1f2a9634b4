import type { MeetingPlanInput } from './meetings.contract';
import type { Meeting, ObligationRef } from './types';

/** A plan with only a date and an obligation: every optional field empty. */
export function emptyPlan(plannedOn: string, obligation: ObligationRef | null): MeetingPlanInput {
  return {
    kind: 'reporting',
    plannedOn,
    plannedTime: null,
    venueName: '',
    venueAddress: '',
    venueKato: null,
    format: 'in_person',
    broadcastLinks: [],
    akimId: null,
    obligation,
    outsideWindowReason: '',
    questionsChannels: [],
    questionsFrom: null,
    questionsTo: null,
    note: '',
  };
}

/** A new meeting record before anything is known about it but its unit (status planned). */
export function blankMeeting(fields: { id: string; origin: string; unitKato: string; now: number }): Meeting {
  return {
    id: fields.id,
    origin: fields.origin,
    revision: 1,
    unitKato: fields.unitKato,
    kind: 'reporting',
    status: 'planned',
    plannedOn: null,
    plannedTime: null,
    heldOn: null,
    venueName: '',
    venueAddress: '',
    venueKato: null,
    format: 'in_person',
    broadcastLinks: [],
    akimId: null,
    obligation: null,
    outsideWindowReason: '',
    announcedOn: null,
    announcementChannels: [],
    questionsChannels: [],
    questionsFrom: null,
    questionsTo: null,
    attendance: null,
    onlineViewers: null,
    statusReason: '',
    postponedFrom: null,
    officials: [],
    note: '',
    createdAt: fields.now,
    updatedAt: fields.now,
  };
}
