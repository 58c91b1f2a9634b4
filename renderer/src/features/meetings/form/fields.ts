import { useCallback, useRef } from 'react';
import type { Draft } from './useMeetingDraft';

/** The form's focusable fields by name, so an error can put the cursor where it belongs. */
export type FieldName =
  | 'unit'
  | 'kind'
  | 'date'
  | 'time'
  | 'obligation'
  | 'reason'
  | 'venueName'
  | 'venueAddress'
  | 'venueKato'
  | 'links'
  | 'akim'
  | 'questionsFrom'
  | 'questionsTo'
  | 'note';

export type Register = (name: FieldName) => (el: HTMLElement | null) => void;

export function useFieldRefs(): { register: Register; focus: (name: FieldName) => void } {
  const refs = useRef(new Map<FieldName, HTMLElement>());
  const register = useCallback<Register>(
    (name) => (el) => {
      if (el) refs.current.set(name, el);
      else refs.current.delete(name);
    },
    [],
  );
  const focus = useCallback((name: FieldName) => refs.current.get(name)?.focus(), []);
  return { register, focus };
}

/** The field the core's last refusal is about, and its reason as shown next to it. */
export interface Refused {
  field: FieldName;
  id: string;
  text: string;
}

/** The props every section of the form takes. */
export interface SectionProps {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  register: Register;
  refused?: Refused | null;
}

/** The refusal of `field`, if the last one is about it. */
export const refusalOf = (refused: Refused | null | undefined, field: FieldName): Refused | null => (refused?.field === field ? refused : null);

/** aria-invalid and aria-describedby (with any hint already describing it) for the control of `field`. */
export function ariaOf(refused: Refused | null | undefined, field: FieldName, hintId?: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const mine = refusalOf(refused, field);
  const describedBy = [hintId, mine?.id].filter(Boolean).join(' ');
  return { ...(mine ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
}

/** A contract field path (from a `validation` error) → the form field that holds it. */
const CONTRACT_FIELDS: Record<string, FieldName> = {
  unitKato: 'unit',
  kind: 'kind',
  plannedOn: 'date',
  plannedTime: 'time',
  obligation: 'obligation',
  outsideWindowReason: 'reason',
  venueName: 'venueName',
  venueAddress: 'venueAddress',
  venueKato: 'venueKato',
  broadcastLinks: 'links',
  akimId: 'akim',
  questionsFrom: 'questionsFrom',
  questionsTo: 'questionsTo',
  questionsChannels: 'questionsFrom',
  note: 'note',
};

export function fieldOfPath(path: string): FieldName | null {
  return CONTRACT_FIELDS[path.split('.')[0] ?? ''] ?? null;
}

/** The field an error from the core is about, to focus it; null when it concerns the whole form. */
export function fieldForError(error: { code: string; details?: Record<string, unknown> | undefined }): FieldName | null {
  switch (error.code) {
    case 'validation': {
      const fields = error.details?.['fields'];
      const first = Array.isArray(fields) ? fields[0] : undefined;
      return typeof first === 'string' ? fieldOfPath(first) : null;
    }
    case 'outside_window_reason_required':
      return 'reason';
    case 'venue_outside_unit':
      return 'venueKato';
    case 'akim_unknown':
      return 'akim';
    case 'obligation_unknown':
      return 'obligation';
    case 'range_invalid':
      return 'questionsFrom';
    case 'date_invalid':
      return 'date';
    case 'unit_unknown':
    case 'unit_not_reporting':
    case 'unit_outside_working_set':
      return 'unit';
    default:
      return null;
  }
}
