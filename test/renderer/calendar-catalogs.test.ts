import { describe, expect, it } from 'vitest';
import { catalogs, LANGUAGES } from '../../shared/i18n';
import {
  ANNOUNCEMENT_CHANNELS,
  MEETING_ACTIONS,
  MEETING_FORMATS,
  MEETING_KINDS,
  MEETING_STATUSES,
  QUESTION_CHANNELS,
} from '../../shared/domain/meetings/meeting';
import { CALENDAR_VIEWS, FILTER_STATUSES } from '../../renderer/src/stores/calendar.store';
import type { PlanWarning } from '../../shared/contract/meetings.contract';
import type { FieldName } from '../../renderer/src/features/meetings/form/fields';

type Catalog = { [key: string]: string | Catalog };

function lookup(catalog: Catalog, path: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const WARNINGS: Array<PlanWarning | 'no_link'> = ['outside_window', 'late_for_window', 'window_already_held', 'window_already_planned', 'no_link'];
const FIELDS: Array<FieldName | 'other'> = [
  'unit', 'kind', 'date', 'time', 'obligation', 'reason', 'venueName', 'venueAddress', 'venueKato', 'links', 'akim',
  'questionsFrom', 'questionsTo', 'note', 'other',
];

describe('calendar catalogs', () => {
  it('have a text for every key the calendar builds from data, in kk, ru and en', () => {
    const keys = [
      ...MEETING_STATUSES.map((s) => `Meeting.status.${s}`),
      ...MEETING_KINDS.map((k) => `Meeting.kind.${k}`),
      ...MEETING_FORMATS.map((f) => `Meeting.format.${f}`),
      ...ANNOUNCEMENT_CHANNELS.map((c) => `Meeting.announcementChannel.${c}`),
      ...QUESTION_CHANNELS.map((c) => `Meeting.questionChannel.${c}`),
      ...MEETING_ACTIONS.map((a) => `Meeting.actions.${a}`),
      ...MEETING_ACTIONS.filter((a) => a !== 'update').map((a) => `Meeting.done.${a}`),
      ...CALENDAR_VIEWS.map((v) => `Calendar.views.${v}`),
      ...FILTER_STATUSES.flatMap((s) => [`Status.${s}`, `Dashboard.help.${s}`]),
      ...WARNINGS.map((w) => `Plan.warnings.${w}`),
      ...FIELDS.map((f) => `Plan.fieldNames.${f}`),
      'Meeting.saved.planned', 'Meeting.saved.updated',
      'Dashboard.participation.point.p41', 'Dashboard.participation.point.p5',
    ];
    for (const lng of LANGUAGES) {
      const missing = keys.filter((k) => lookup(catalogs[lng] as Catalog, k) === undefined);
      expect(missing, lng).toEqual([]);
    }
  });

  it('word the glossary’s statuses in Kazakh', () => {
    const kk = catalogs.kk as Catalog;
    expect(MEETING_STATUSES.map((s) => lookup(kk, `Meeting.status.${s}`))).toEqual([
      'Жоспарланды', 'Хабарланды', 'Кейінге қалдырылды', 'Өткізілді', 'Жабылды', 'Күші жойылды',
    ]);
  });
});
