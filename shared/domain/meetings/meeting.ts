/**
 * A reporting meeting's vocabulary and lifecycle: planned → announced → held → closed, or
 * cancelled / postponed (with a reason) before it is held. Pure data so the renderer can
 * offer exactly the actions the core will accept.
 */
export const MEETING_KINDS = ['reporting', 'field', 'unscheduled'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

export const MEETING_STATUSES = ['planned', 'announced', 'postponed', 'held', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ANNOUNCEMENT_CHANNELS = ['website', 'social_media', 'messengers', 'print', 'radio', 'tv', 'public_places', 'egov'] as const;
export type AnnouncementChannel = (typeof ANNOUNCEMENT_CHANNELS)[number];

export const QUESTION_CHANNELS = ['email', 'box', 'website', 'call_centre', 'social_media', 'messengers', 'personal_reception'] as const;
export type QuestionChannel = (typeof QUESTION_CHANNELS)[number];

export const MEETING_ACTIONS = ['update', 'announce', 'markHeld', 'close', 'cancel', 'postpone', 'setOfficials'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

const ALLOWED: Record<MeetingAction, readonly MeetingStatus[]> = {
  update: ['planned', 'announced', 'postponed'],
  announce: ['planned', 'postponed'],
  markHeld: ['planned', 'announced', 'postponed'],
  close: ['held'],
  cancel: ['planned', 'announced', 'postponed'],
  postpone: ['planned', 'announced', 'postponed'],
  setOfficials: ['planned', 'announced', 'postponed', 'held'],
};

export function canApply(action: MeetingAction, status: MeetingStatus): boolean {
  return ALLOWED[action].includes(status);
}

export function actionsFor(status: MeetingStatus): MeetingAction[] {
  return MEETING_ACTIONS.filter((a) => canApply(a, status));
}

/** Statuses of a meeting that is still expected to take place. */
export function isUpcomingStatus(status: MeetingStatus): boolean {
  return status === 'planned' || status === 'announced' || status === 'postponed';
}

/** Statuses of a meeting that took place (it counts for compliance by its held date). */
export function isHeldStatus(status: MeetingStatus): boolean {
  return status === 'held' || status === 'closed';
}
