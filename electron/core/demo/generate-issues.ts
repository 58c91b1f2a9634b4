import type { CoreContext } from '../context';
import type { BodyPerson, IssueHistoryEntry, Prolongation } from '../../../shared/contract/issues.contract';
import type { UnitSummary } from '../../../shared/contract/types';
import { addDays, daysBetween, toYmd, type IsoDate } from '../../../shared/domain/dates';
import { SEED_STATUSES, type Outcome, type ReceivedVia } from '../../../shared/domain/issues/issue';
import { isReportingKind, type UnitKind } from '../../../shared/domain/units/unit-kind';
import { appendAudit } from '../db/repos/audit.repo';
import { heldMeetingsUnder } from '../db/repos/meetings.repo';
import { subtree } from '../db/repos/units.repo';
import { saveBody, savePerson } from '../db/repos/issue-reference.repo';
import { addHistory, addProlongation, insertIssue, putAuthor, type StoredIssue } from '../db/repos/issues.repo';
import { searchDocument, type SearchEntry, writeSearchRows } from '../services/issue-search';
import { bilingual, fullName, instant, Random, STREETS } from './generate-meetings';
import { BODY_DIRECTORY, CLOSING_NOTES, ISSUE_SENTENCES, PROLONGATION_REASONS, SPOT_ANSWERS, type CorpusLanguage } from './issue-corpus';

/**
 * Demo issues for `esep generate`, after the meetings: a few questions from every held meeting
 * (or about `target` in all, for benchmarks), some more received between meetings by phone,
 * at personal receptions or through the website; texts in Kazakh or Russian after the unit's
 * language mix; a directory of bodies; statuses with their history — most old issues closed,
 * some overdue, some prolonged, a few on control.
 *
 * Like the meetings, the rows are written through the repos in the caller's transaction, each
 * with its audit entry, and come from their own random stream, so the same seed gives the same
 * issues and adding them changed none of the meetings.
 */

export interface GenerateIssuesInput {
  unitKato: string;
  seed: number;
  fromYear: number;
  /** About how many issues in all; null: a few per held meeting, as in life. */
  target: number | null;
}

export interface GenerateIssuesSummary {
  issues: number;
  atMeetings: number;
  byStatus: Record<string, number>;
  overdue: number;
  prolonged: number;
  onControl: number;
  bodies: number;
}

/** Kazakh is the language of most rural meetings; towns and cities mix it with Russian. */
const KK_SHARE: Partial<Record<UnitKind, [number, number]>> = {
  rural_okrug: [0.7, 0.95],
  settlement: [0.6, 0.9],
  village: [0.75, 0.95],
  district: [0.55, 0.85],
  district_city: [0.4, 0.7],
  oblast_city: [0.3, 0.6],
  city_district: [0.3, 0.6],
  republican_city: [0.3, 0.55],
  capital: [0.4, 0.6],
  oblast: [0.5, 0.7],
};

/** How closing statuses are chosen for an old issue ('planned' keeps it open, with a long deadline). */
const FATES: ReadonlyArray<[status: 'done' | 'explained' | 'forwarded' | 'rejected' | 'planned', weight: number]> = [
  ['done', 55],
  ['explained', 20],
  ['planned', 10],
  ['forwarded', 8],
  ['rejected', 7],
];
const OUTCOME_OF = new Map(SEED_STATUSES.map((s) => [s.code as string, s.outcome]));
const CONTROLLER: Record<CorpusLanguage, string> = { kk: 'Аудан әкімінің орынбасары', ru: 'Заместитель акима района' };
const AT_MEETING: readonly ReceivedVia[] = ['oral', 'oral', 'oral', 'oral', 'oral', 'oral', 'written', 'written', 'advance_website', 'advance_box'];
const BETWEEN_MEETINGS: readonly ReceivedVia[] = ['call_centre', 'personal_reception', 'personal_reception', 'advance_website', 'advance_email', 'written'];

interface Responsible {
  bodyId: string;
  people: BodyPerson[];
}

interface Draft {
  meetingId: string | null;
  raisedOn: IsoDate;
}

export function generateIssues(ctx: CoreContext, input: GenerateIssuesInput): GenerateIssuesSummary {
  const r = new Random((input.seed ^ 0x1550e5) >>> 0);
  const today = ctx.clock.today();
  const all = subtree(ctx.db, input.unitKato);
  const children = new Map<string, UnitSummary[]>();
  for (const u of all) if (u.parent) (children.get(u.parent) ?? children.set(u.parent, []).get(u.parent)!).push(u);
  const localitiesUnder = (kato: string): string[] =>
    (children.get(kato) ?? []).flatMap((c) => (c.kind === 'locality' ? [c.kato] : isReportingKind(c.kind) ? [] : localitiesUnder(c.kato)));
  const held = heldMeetingsUnder(ctx.db, input.unitKato);
  const units = all.filter((u) => isReportingKind(u.kind));
  const heldCount = [...held.values()].reduce((n, list) => n + list.length, 0);
  const perMeeting = input.target === null ? null : (input.target * 0.9) / Math.max(1, heldCount);
  const betweenPerUnit = (input.target === null ? heldCount * 0.4 : input.target * (heldCount === 0 ? 1 : 0.1)) / Math.max(1, units.length);

  const summary: GenerateIssuesSummary = { issues: 0, atMeetings: 0, byStatus: {}, overdue: 0, prolonged: 0, onControl: 0, bodies: 0 };
  // Written last, together (see writeSearchRows).
  const search: Array<SearchEntry> = [];
  const responsible = makeBodies(ctx, r);
  summary.bodies = new Set([...responsible.values()].map((b) => b.bodyId)).size;

  for (const unit of units) {
    const [low, high] = KK_SHARE[unit.kind] ?? [0.5, 0.8];
    const kkShare = low + (high - low) * fraction(r);
    const localities = [...(children.get(unit.kato) ?? []).filter((c) => c.kind === 'locality').map((c) => c.kato), ...localitiesUnder(unit.kato)];
    const drafts: Draft[] = [];
    for (const m of held.get(unit.kato) ?? []) {
      const n = perMeeting === null ? r.int(1, 6) : around(r, perMeeting);
      for (let i = 0; i < n; i++) drafts.push({ meetingId: m.id, raisedOn: m.heldOn });
    }
    const between = around(r, betweenPerUnit);
    for (let i = 0; i < between; i++) drafts.push({ meetingId: null, raisedOn: r.dayIn(`${input.fromYear}-01-01`, today) });
    // The registry follows the calendar, as it would have been kept.
    drafts.sort((a, b) => (a.raisedOn < b.raisedOn ? -1 : a.raisedOn > b.raisedOn ? 1 : 0));

    const meetingNo = new Map<string, number>();
    const lastOfCategory = new Map<string, string>();
    drafts.forEach((d, i) => {
      const number = d.meetingId === null ? null : (meetingNo.get(d.meetingId) ?? 0) + 1;
      if (d.meetingId !== null) meetingNo.set(d.meetingId, number!);
      const language: CorpusLanguage = r.chance(kkShare) ? 'kk' : 'ru';
      const made = makeIssue(ctx, r, { unit, draft: d, registryNo: i + 1, meetingNo: number, language, localities, responsible, lastOfCategory, today });
      summary.issues++;
      if (d.meetingId !== null) summary.atMeetings++;
      summary.byStatus[made.statusId] = (summary.byStatus[made.statusId] ?? 0) + 1;
      if (made.overdue) summary.overdue++;
      if (made.prolonged) summary.prolonged++;
      if (made.onControl) summary.onControl++;
      search.push(made.search);
    });
  }
  writeSearchRows(ctx.db, search, true);
  return summary;
}

/** A number in [0, 1) from the stream. */
function fraction(r: Random): number {
  return r.int(0, 999_999) / 1_000_000;
}

/** A whole number that averages `mean`, spread from half of it to one and a half times it. */
function around(r: Random, mean: number): number {
  const x = mean * (0.5 + fraction(r));
  return Math.floor(x) + (r.chance(x - Math.floor(x)) ? 1 : 0);
}

function weighted<T>(r: Random, items: ReadonlyArray<readonly [T, number]>): T {
  let x = r.int(0, items.reduce((n, [, w]) => n + w, 0) - 1);
  for (const [item, w] of items) {
    if (x < w) return item;
    x -= w;
  }
  return items[0]![0];
}

function makeBodies(ctx: CoreContext, r: Random): Map<string, Responsible> {
  const byCategory = new Map<string, Responsible>();
  const at = ctx.clock.now().getTime();
  for (const entry of BODY_DIRECTORY) {
    const body = { id: r.uuid(), nameKk: entry.nameKk, nameRu: entry.nameRu, archived: false, revision: 1 };
    saveBody(ctx.db, body, ctx.installationId);
    appendAudit(ctx, { action: 'insert', entity: 'body', entityId: body.id, after: body });
    const people: BodyPerson[] = Array.from({ length: r.int(1, 3) }, (_, i) => ({
      id: r.uuid(),
      bodyId: body.id,
      fullName: fullName(r),
      ...bilingual(i === 0 ? entry.positionKk : 'бас маман'),
      archived: false,
      revision: 1,
    }));
    for (const p of people) {
      savePerson(ctx.db, p, ctx.installationId);
      appendAudit(ctx, { action: 'insert', entity: 'body_person', entityId: p.id, after: { ...p, at } });
    }
    for (const category of entry.categories) byCategory.set(category, { bodyId: body.id, people });
  }
  return byCategory;
}

interface IssuePlan {
  unit: UnitSummary;
  draft: Draft;
  registryNo: number;
  meetingNo: number | null;
  language: CorpusLanguage;
  localities: readonly string[];
  responsible: ReadonlyMap<string, Responsible>;
  lastOfCategory: Map<string, string>;
  today: IsoDate;
}

const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/**
 * One issue with its life so far: registered on the day it was raised; answered on the spot
 * (closed as explained) or assigned to the body of its category a few days later with a
 * deadline; the older it is, the likelier it is closed — done, explained, forwarded, refused —
 * or put into next year's budget request; some deadlines prolonged once or twice, the rest of
 * the open ones past their deadline are the log's overdue issues.
 */
function makeIssue(
  ctx: CoreContext,
  r: Random,
  p: IssuePlan,
): { statusId: string; overdue: boolean; prolonged: boolean; onControl: boolean; search: SearchEntry } {
  const { draft, language, today } = p;
  const raisedOn = draft.raisedOn;
  const sentence = r.pick(ISSUE_SENTENCES[language]);
  const text = sentence.text.replace('{street}', r.pick(STREETS));
  const id = r.uuid();
  const history: Array<Omit<IssueHistoryEntry, 'id' | 'actor'>> = [];
  const prolongations: Prolongation[] = [];
  const at = (date: IsoDate) => instant(date) + history.length + prolongations.length;
  const who = responsibleFor(p.responsible, sentence.category);

  let statusId = 'new';
  let outcome: Outcome | null = null;
  let closedOn: IsoDate | null = null;
  let answer = '';
  let bodyId: string | null = null;
  let personId: string | null = null;
  let deadline: IsoDate | null = null;
  const answeredOnSpot = draft.meetingId !== null && r.chance(0.12);

  if (answeredOnSpot) {
    answer = r.pick(SPOT_ANSWERS[language]);
    statusId = 'explained';
    outcome = 'explained';
    closedOn = raisedOn;
    history.push({ at: at(raisedOn), onDate: raisedOn, statusId, outcome, comment: '', documentRef: '' });
  } else if (daysBetween(raisedOn, today) >= 2 && r.chance(0.9)) {
    bodyId = who.bodyId;
    personId = r.chance(0.7) ? r.pick(who.people).id : null;
    const assignedOn = earlier(addDays(raisedOn, r.int(0, 4)), today);
    if (assignedOn > raisedOn) history.push({ at: at(raisedOn), onDate: raisedOn, statusId: 'new', outcome: null, comment: '', documentRef: '' });
    statusId = 'in_progress';
    history.push({ at: at(assignedOn), onDate: assignedOn, statusId, outcome: null, comment: '', documentRef: '' });
    deadline = addDays(assignedOn, r.pick([15, 30, 30, 30, 45, 60, 90]));
    let lastChange = assignedOn;
    if (r.chance(0.12)) {
      for (let n = r.int(1, 2); n > 0; n--) {
        const madeOn = addDays(deadline, -r.int(1, 5));
        if (madeOn > today) break;
        lastChange = madeOn;
        const next = addDays(deadline, r.int(30, 90));
        prolongations.push({ id: r.uuid(), at: at(madeOn), actor: ctx.actor, previousDeadline: deadline, newDeadline: next, reason: r.pick(PROLONGATION_REASONS[language]) });
        deadline = next;
      }
    }
    const span = Math.max(1, daysBetween(assignedOn, deadline));
    const age = daysBetween(assignedOn, today);
    // Left open past a year only rarely: the overdue ones are mostly recent.
    if (r.chance(age > 365 ? 0.98 : age > span ? 0.8 : (0.5 * age) / span)) {
      const fate = weighted(r, FATES);
      // Closed after its last prolongation, at most three weeks past the deadline.
      const closeOn = r.dayIn(earlier(addDays(lastChange, 3), today), earlier(addDays(deadline, 20), today));
      const comment = r.pick(CLOSING_NOTES[language][fate]);
      const documentRef = `№ ${r.int(1, 40)}-${r.int(1, 20)}/${r.int(100, 9999)}`;
      statusId = fate;
      if (fate === 'planned') {
        const nextYearEnd = `${toYmd(closeOn).year + 1}-12-31`;
        if (nextYearEnd > deadline && closeOn <= today) {
          prolongations.push({ id: r.uuid(), at: at(closeOn), actor: ctx.actor, previousDeadline: deadline, newDeadline: nextYearEnd, reason: comment });
          deadline = nextYearEnd;
        }
      } else {
        outcome = OUTCOME_OF.get(fate) ?? 'explained';
        closedOn = closeOn;
      }
      history.push({ at: at(closeOn), onDate: closeOn, statusId, outcome, comment, documentRef });
    }
  } else {
    history.push({ at: at(raisedOn), onDate: raisedOn, statusId, outcome: null, comment: '', documentRef: '' });
  }

  const onControl = statusId !== 'explained' && r.chance(0.1);
  const repeatsId = r.chance(0.03) ? (p.lastOfCategory.get(sentence.category) ?? null) : null;
  p.lastOfCategory.set(sentence.category, id);
  const lastAt = Math.max(...history.map((h) => h.at), ...prolongations.map((x) => x.at));
  const stored: Omit<StoredIssue, 'seq'> = {
    id,
    origin: ctx.installationId,
    revision: history.length + prolongations.length,
    unitKato: p.unit.kato,
    registryNo: p.registryNo,
    meetingId: draft.meetingId,
    meetingNo: p.meetingNo,
    speechId: null,
    raisedOn,
    kind: sentence.kind,
    receivedVia: r.pick(draft.meetingId === null ? BETWEEN_MEETINGS : AT_MEETING),
    collective: r.chance(0.15),
    text,
    categoryId: sentence.category,
    localityKato: p.localities.length > 0 && r.chance(0.85) ? r.pick(p.localities) : null,
    answeredOnSpot,
    answer,
    bodyId,
    personId,
    deadline,
    onControl,
    controller: onControl ? CONTROLLER[language] : '',
    eotinishNo: r.chance(0.04) ? `ЖТ-${toYmd(raisedOn).year}-${String(r.int(1, 99_999_999)).padStart(8, '0')}` : '',
    repeatsId,
    statusId,
    outcome,
    closedOn,
    createdAt: instant(raisedOn),
    updatedAt: lastAt,
  };
  const seq = insertIssue(ctx.db, stored);
  for (const h of history) addHistory(ctx.db, id, { id: r.uuid(), actor: ctx.actor, ...h });
  for (const x of prolongations) addProlongation(ctx.db, id, x);
  const withAuthor = !stored.collective && r.chance(0.7);
  if (withAuthor) {
    putAuthor(ctx.db, id, {
      fullName: fullName(r),
      phone: r.chance(0.5) ? `+7 7${r.int(0, 7)}${r.int(0, 9)} ${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}` : '',
      address: r.chance(0.3) ? `${r.pick(STREETS)} көшесі, ${r.int(1, 120)}` : '',
    });
  }
  const notes = history.flatMap((h) => [h.comment, h.documentRef]).filter((s) => s !== '');
  // Short: an oblast's worth of generated issues would otherwise put 100 MB into the audit log.
  appendAudit(ctx, { action: 'insert', entity: 'issue', entityId: id, after: { unitKato: stored.unitKato, registryNo: stored.registryNo, meetingId: stored.meetingId, generated: true } });
  const open = closedOn === null;
  return {
    statusId,
    overdue: open && deadline !== null && deadline < today,
    prolonged: prolongations.length > 0,
    onControl,
    search: { seq, document: searchDocument({ text, answer, eotinishNo: stored.eotinishNo, notes }) },
  };
}

function responsibleFor(directory: ReadonlyMap<string, Responsible>, category: string): Responsible {
  return directory.get(category) ?? directory.get('other')!;
}
