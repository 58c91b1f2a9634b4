import { vi } from 'vitest';
import type {
  Body,
  BodyPerson,
  Issue,
  IssueAuthor,
  IssueCategory,
  IssueCounts,
  IssueFields,
  IssueFilter,
  IssuePage,
  IssueRow,
  IssueSort,
  IssueStatus,
} from '../../shared/contract/issues.contract';
import type { Minutes } from '../../shared/contract/minutes.contract';
import type { IsoDate } from '../../shared/domain/dates';
import { EOTINISH_PATTERN, SEED_CATEGORIES, SEED_STATUSES, isOverdue, type IssueKind, type Outcome } from '../../shared/domain/issues/issue';
import { ISSUE_KINDS } from '../../shared/domain/minutes/minutes';
import { EsepError } from '../../shared/errors';

/** What the issue channels need from the rest of the fake core. */
export interface IssueWorldDeps {
  today: IsoDate;
  /** `kato` is `root` or lies under it. */
  within(root: string, kato: string): boolean;
  meeting(id: string): { id: string; unitKato: string; heldOn: IsoDate | null; status: string };
  minutes(meetingId: string): Minutes | null;
}

type SavedFilter = { id: string; name: string; filter: IssueFilter };
type CreateInput = { unitKato: string; meetingId: string | null; raisedOn: IsoDate; fields: IssueFields; author: IssueAuthor | null };
type StatusChange = { statusId: string; onDate: IsoDate; comment: string; documentRef: string; outcome: Outcome | null };

const ACTOR = 'Хатшы';

/** Seed bodies of a district akimat (the core seeds none; tests need some to assign to). */
function seedBodies(): Body[] {
  const person = (id: string, bodyId: string, fullName: string, position: string): BodyPerson => ({ id, bodyId, fullName, position, archived: false, revision: 1 });
  return [
    {
      id: 'housing',
      nameKk: 'Тұрғын үй-коммуналдық шаруашылығы бөлімі',
      nameRu: 'Отдел жилищно-коммунального хозяйства',
      archived: false,
      revision: 1,
      people: [person('housing-head', 'housing', 'Сейітов Нұрлан', 'бөлім басшысы')],
    },
    {
      id: 'roads',
      nameKk: 'Жолаушылар көлігі және автомобиль жолдары бөлімі',
      nameRu: 'Отдел пассажирского транспорта и автомобильных дорог',
      archived: false,
      revision: 1,
      people: [person('roads-head', 'roads', 'Омаров Ерлан', 'бөлім басшысы'), person('roads-spec', 'roads', 'Ахметова Айгүл', 'бас маман')],
    },
    { id: 'okrug-office', nameKk: 'Қарауыл ауылдық округі әкімінің аппараты', nameRu: 'Аппарат акима Караульского сельского округа', archived: false, revision: 1, people: [] },
  ];
}

/** Case, ё/е and Kazakh letters folded the way the core's FTS tokenizer folds them (roughly). */
const fold = (s: string) => s.toLocaleLowerCase('ru').replaceAll('ё', 'е');
const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The issue log in miniature: the core's rules that the screen relies on (registry numbers per
 * unit, statuses with history, derived overdue, all-or-nothing bulk changes, revisions, filters
 * with a prefix search, counts without the status part of the filter), kept in memory.
 */
export function createFakeIssues(deps: IssueWorldDeps) {
  let statuses: IssueStatus[] = [];
  let categories: IssueCategory[] = [];
  let bodies: Body[] = [];
  let issues: Issue[] = [];
  let authors = new Map<string, IssueAuthor>();
  let saved: SavedFilter[] = [];
  let nextId = 1;
  let clock = Date.UTC(2025, 6, 10, 9, 0);

  const uuid = (block: string) => `00000000-0000-4000-${block}-${String(nextId++).padStart(12, '0')}`;
  const now = () => (clock += 60_000);

  function reset(): void {
    statuses = SEED_STATUSES.map((s, i) => ({ id: s.code, code: s.code, nameKk: s.nameKk, nameRu: s.nameRu, closed: s.closed, outcome: s.outcome, ordinal: i + 1, archived: false, revision: 1 }));
    categories = SEED_CATEGORIES.map((c, i) => ({ id: c.code, code: c.code, parentId: null, nameKk: c.nameKk, nameRu: c.nameRu, ordinal: i + 1, archived: false, revision: 1 }));
    bodies = seedBodies();
    issues = [];
    authors = new Map();
    saved = [];
    nextId = 1;
    clock = Date.UTC(2025, 6, 10, 9, 0);
  }
  reset();

  const status = (id: string) => {
    const s = statuses.find((x) => x.id === id);
    if (!s) throw new EsepError('not_found', { id });
    return s;
  };
  const find = (id: string) => {
    const i = issues.find((x) => x.id === id);
    if (!i) throw new EsepError('not_found', { id });
    return i;
  };
  const derive = (i: Issue): Issue => ({ ...i, overdue: isOverdue(i, deps.today) });
  const toRow = (i: Issue): IssueRow => {
    const d = derive(i);
    return {
      id: d.id, revision: d.revision, unitKato: d.unitKato, registryNo: d.registryNo, meetingId: d.meetingId, meetingNo: d.meetingNo,
      raisedOn: d.raisedOn, kind: d.kind, text: d.text, categoryId: d.categoryId, localityKato: d.localityKato, bodyId: d.bodyId,
      personId: d.personId, deadline: d.deadline, statusId: d.statusId, closed: d.closed, overdue: d.overdue, onControl: d.onControl,
      outcome: d.outcome, closedOn: d.closedOn, prolongations: d.prolongations, eotinishNo: d.eotinishNo,
    };
  };
  const put = (i: Issue): Issue => {
    issues = issues.some((x) => x.id === i.id) ? issues.map((x) => (x.id === i.id ? i : x)) : [...issues, i];
    return derive(i);
  };

  /** The category and everything under it. */
  function categoryBranch(id: string): Set<string> {
    const out = new Set([id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const c of categories) {
        if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
          out.add(c.id);
          grew = true;
        }
      }
    }
    return out;
  }

  function matches(i: Issue, f: IssueFilter, withStatus: boolean): boolean {
    if (f.unitKato && !deps.within(f.unitKato, i.unitKato)) return false;
    if (f.localityKato && i.localityKato !== f.localityKato) return false;
    if (f.categoryId && !(i.categoryId && categoryBranch(f.categoryId).has(i.categoryId))) return false;
    if (withStatus && f.statusIds && f.statusIds.length > 0 && !f.statusIds.includes(i.statusId)) return false;
    if (withStatus && f.open !== undefined && f.open === i.closed) return false;
    if (f.bodyId && i.bodyId !== f.bodyId) return false;
    if (f.personId && i.personId !== f.personId) return false;
    if (f.overdue !== undefined && isOverdue(i, deps.today) !== f.overdue) return false;
    if (f.onControl !== undefined && i.onControl !== f.onControl) return false;
    if (f.meetingId && i.meetingId !== f.meetingId) return false;
    if (f.kind && i.kind !== f.kind) return false;
    if (f.from && i.raisedOn < f.from) return false;
    if (f.to && i.raisedOn > f.to) return false;
    if (f.search && f.search.trim() !== '') {
      const haystack = words([i.text, i.answer, ...i.history.map((h) => h.comment)].join(' '));
      if (!words(f.search).every((q) => haystack.some((w) => w.startsWith(q)))) return false;
    }
    return true;
  }

  const ordinalOf = (list: Array<{ id: string; ordinal: number }>, id: string | null) => (id === null ? Infinity : (list.find((x) => x.id === id)?.ordinal ?? Infinity));

  function compare(sort: IssueSort): (a: Issue, b: Issue) => number {
    const key = (i: Issue): string | number => {
      switch (sort.key) {
        case 'registryNo':
          return i.registryNo;
        case 'raisedOn':
          return i.raisedOn;
        case 'deadline':
          return i.deadline ?? '9999-99-99';
        case 'status':
          return ordinalOf(statuses, i.statusId);
        case 'category':
          return ordinalOf(categories, i.categoryId);
        case 'unit':
          return i.unitKato;
      }
    };
    const dir = sort.dir === 'asc' ? 1 : -1;
    return (a, b) => {
      const ka = key(a);
      const kb = key(b);
      const c = ka < kb ? -1 : ka > kb ? 1 : 0;
      return dir * (c || a.registryNo - b.registryNo || a.unitKato.localeCompare(b.unitKato));
    };
  }

  function checkFields(fields: Partial<IssueFields>): IssueFields | Partial<IssueFields> {
    const bad: string[] = [];
    if (fields.text !== undefined && fields.text.trim() === '') bad.push('fields.text');
    if (fields.eotinishNo !== undefined && fields.eotinishNo.trim() !== '' && !EOTINISH_PATTERN.test(fields.eotinishNo.trim().toUpperCase())) bad.push('fields.eotinishNo');
    if (fields.categoryId && !categories.some((c) => c.id === fields.categoryId)) bad.push('fields.categoryId');
    if (fields.bodyId && !bodies.some((b) => b.id === fields.bodyId)) bad.push('fields.bodyId');
    if (fields.deadline && !/^\d{4}-\d{2}-\d{2}$/.test(fields.deadline)) bad.push('fields.deadline');
    if (bad.length > 0) throw new EsepError('validation', { fields: bad });
    return { ...fields, ...(fields.text !== undefined ? { text: fields.text.trim() } : {}), ...(fields.eotinishNo !== undefined ? { eotinishNo: fields.eotinishNo.trim().toUpperCase() } : {}) };
  }

  function create(input: CreateInput, extra: Partial<Issue> = {}): Issue {
    const fields = checkFields(input.fields) as IssueFields;
    const registryNo = Math.max(0, ...issues.filter((i) => i.unitKato === input.unitKato).map((i) => i.registryNo)) + 1;
    const meetingNo = input.meetingId ? issues.filter((i) => i.meetingId === input.meetingId).length + 1 : null;
    const at = now();
    const id = uuid('d000');
    const issue: Issue = {
      id, revision: 1, unitKato: input.unitKato, registryNo, meetingId: input.meetingId, meetingNo, raisedOn: input.raisedOn,
      ...fields, statusId: 'new', closed: false, overdue: false, outcome: null, closedOn: null, prolongations: 0,
      origin: 'fake', speechId: null, createdAt: at, updatedAt: at,
      history: [{ id: uuid('d100'), at, onDate: input.raisedOn, actor: ACTOR, statusId: 'new', outcome: null, comment: '', documentRef: '' }],
      prolongationList: [], hasAuthor: input.author !== null, ...extra,
    };
    if (input.author) authors.set(id, input.author);
    return put(issue);
  }

  function fresh(id: string, revision: number): Issue {
    const i = find(id);
    if (i.revision !== revision) throw new EsepError('conflict', { revision: i.revision });
    return i;
  }

  function setStatus(items: Array<{ id: string; revision: number }>, change: StatusChange): Issue[] {
    const target = status(change.statusId);
    if (target.archived) throw new EsepError('validation', { fields: ['change.statusId'] });
    if (change.onDate > deps.today) throw new EsepError('validation', { fields: ['change.onDate'] });
    if (!target.closed && change.outcome !== null) throw new EsepError('validation', { fields: ['change.outcome'] });
    const outcome = target.closed ? (change.outcome ?? target.outcome) : null;
    if (target.closed && outcome === null) throw new EsepError('outcome_required');
    // All or nothing: every revision is checked before anything changes.
    const before = items.map((x) => fresh(x.id, x.revision));
    return before.map((i) => {
      const at = now();
      return put({
        ...i, revision: i.revision + 1, statusId: target.id, closed: target.closed, outcome, closedOn: target.closed ? change.onDate : null, updatedAt: at,
        history: [...i.history, { id: uuid('d100'), at, onDate: change.onDate, actor: ACTOR, statusId: target.id, outcome, comment: change.comment.trim(), documentRef: change.documentRef.trim() }],
      });
    });
  }

  function fromMinutes(meetingId: string): Issue[] {
    const m = deps.meeting(meetingId);
    const minutes = deps.minutes(meetingId);
    if (!minutes) return [];
    const registered = new Set(issues.map((i) => i.speechId));
    const out: Issue[] = [];
    for (const item of minutes.items) {
      for (const s of item.speeches) {
        if (!s.issueKind || registered.has(s.id)) continue;
        out.push(
          create(
            { unitKato: m.unitKato, meetingId, raisedOn: m.heldOn ?? deps.today, fields: { ...blankFields(), kind: s.issueKind, text: s.issueText.trim() || s.gist, localityKato: s.localityKato }, author: null },
            { speechId: s.id },
          ),
        );
      }
    }
    return out;
  }

  function saveRef<T extends { id: string; revision: number }>(list: T[], input: { id?: string; revision?: number }, make: (id: string) => T): { list: T[]; row: T } {
    if (input.id) {
      const before = list.find((x) => x.id === input.id);
      if (!before) throw new EsepError('not_found', { id: input.id });
      if (before.revision !== input.revision) throw new EsepError('conflict', { revision: before.revision });
      const row = { ...make(input.id), revision: before.revision + 1 };
      return { list: list.map((x) => (x.id === row.id ? row : x)), row };
    }
    const row = make(uuid('d200'));
    return { list: [...list, row], row };
  }

  const api = {
    issues: {
      list: vi.fn(async ({ filter, sort, offset, limit }: { filter: IssueFilter; sort: IssueSort; offset: number; limit: number }): Promise<IssuePage> => {
        const all = issues.filter((i) => matches(i, filter, true)).sort(compare(sort));
        return { rows: all.slice(offset, offset + limit).map(toRow), total: all.length };
      }),
      counts: vi.fn(async ({ filter }: { filter: IssueFilter }): Promise<IssueCounts> => {
        const counts: IssueCounts = { total: 0, byStatus: {}, overdue: 0, onControl: 0 };
        for (const i of issues) {
          if (!matches(i, filter, false)) continue;
          counts.total++;
          counts.byStatus[i.statusId] = (counts.byStatus[i.statusId] ?? 0) + 1;
          if (isOverdue(i, deps.today)) counts.overdue++;
          if (i.onControl) counts.onControl++;
        }
        return counts;
      }),
      get: vi.fn(async ({ id }: { id: string }) => derive(find(id))),
      create: vi.fn(async (input: CreateInput) => {
        const meeting = input.meetingId ? deps.meeting(input.meetingId) : null;
        if (meeting && meeting.status !== 'held' && meeting.status !== 'closed') throw new EsepError('issue_meeting_not_held', { status: meeting.status });
        if (input.raisedOn > deps.today) throw new EsepError('validation', { fields: ['raisedOn'] });
        return create(input);
      }),
      update: vi.fn(async ({ id, revision, fields }: { id: string; revision: number; fields: Partial<IssueFields> }) => {
        const before = fresh(id, revision);
        // Once set, a deadline moves only by prolongation (which keeps its history).
        if (before.deadline !== null && fields.deadline !== undefined && fields.deadline !== before.deadline) throw new EsepError('deadline_use_prolong', { deadline: before.deadline });
        const checked = checkFields(fields);
        return put({ ...before, ...checked, revision: before.revision + 1, updatedAt: now() });
      }),
      setStatus: vi.fn(async ({ items, change }: { items: Array<{ id: string; revision: number }>; change: StatusChange }) => setStatus(items, change)),
      prolong: vi.fn(async ({ id, revision, newDeadline, reason }: { id: string; revision: number; newDeadline: IsoDate; reason: string }) => {
        const before = fresh(id, revision);
        if (reason.trim() === '') throw new EsepError('validation', { fields: ['reason'] });
        if (before.closed) throw new EsepError('issue_closed', { id });
        if (before.deadline !== null && newDeadline <= before.deadline) throw new EsepError('deadline_not_later', { deadline: before.deadline, newDeadline });
        if (newDeadline < before.raisedOn) throw new EsepError('validation', { fields: ['newDeadline'] });
        const at = now();
        const entry = { id: uuid('d300'), at, actor: ACTOR, previousDeadline: before.deadline, newDeadline, reason: reason.trim() };
        return put({ ...before, revision: before.revision + 1, deadline: newDeadline, prolongations: before.prolongations + 1, prolongationList: [...before.prolongationList, entry], updatedAt: at });
      }),
      fromMinutes: vi.fn(async ({ meetingId }: { meetingId: string }) => fromMinutes(meetingId)),
      carryOver: vi.fn(async ({ meetingId }: { meetingId: string }) => {
        const m = deps.meeting(meetingId);
        return issues.filter((i) => i.unitKato === m.unitKato && !i.closed && i.meetingId !== meetingId).map(toRow);
      }),
      author: vi.fn(async ({ id }: { id: string }) => {
        find(id);
        return authors.get(id) ?? null;
      }),
      setAuthor: vi.fn(async ({ id, author }: { id: string; author: IssueAuthor | null }) => {
        const i = find(id);
        if (author && !/^[+\d\s()-]*$/.test(author.phone)) throw new EsepError('validation', { fields: ['author.phone'] });
        if (author) authors.set(id, author);
        else authors.delete(id);
        put({ ...i, hasAuthor: author !== null });
        return author;
      }),
    },
    issueStatuses: {
      list: vi.fn(async (_: Record<string, never>) => statuses),
      save: vi.fn(async (input: { id?: string; revision?: number; nameKk: string; nameRu: string; closed: boolean; outcome: Outcome | null; archived: boolean }) => {
        const before = input.id ? status(input.id) : null;
        // A seed status keeps its type: reports count "done" as closed everywhere.
        if (before?.code && before.closed !== input.closed) throw new EsepError('validation', { fields: ['closed'] });
        const r = saveRef(statuses, input, (id) => ({
          id, code: before?.code ?? null, nameKk: input.nameKk.trim(), nameRu: input.nameRu.trim(), closed: input.closed,
          outcome: input.closed ? input.outcome : null, ordinal: before?.ordinal ?? statuses.length + 1, archived: input.archived, revision: 1,
        }));
        statuses = r.list;
        return r.row;
      }),
    },
    issueCategories: {
      list: vi.fn(async (_: Record<string, never>) => categories),
      save: vi.fn(async (input: { id?: string; revision?: number; parentId: string | null; nameKk: string; nameRu: string; archived: boolean }) => {
        const before = input.id ? categories.find((c) => c.id === input.id) : undefined;
        if (input.parentId && !categories.some((c) => c.id === input.parentId)) throw new EsepError('validation', { fields: ['parentId'] });
        const r = saveRef(categories, input, (id) => ({
          id, code: before?.code ?? null, parentId: input.parentId, nameKk: input.nameKk.trim(), nameRu: input.nameRu.trim(),
          ordinal: before?.ordinal ?? categories.length + 1, archived: input.archived, revision: 1,
        }));
        categories = r.list;
        return r.row;
      }),
    },
    bodies: {
      list: vi.fn(async (_: Record<string, never>) => bodies),
      save: vi.fn(async (input: { id?: string; revision?: number; nameKk: string; nameRu: string; archived: boolean }) => {
        const before = input.id ? bodies.find((b) => b.id === input.id) : undefined;
        const r = saveRef(bodies, input, (id) => ({ id, nameKk: input.nameKk.trim(), nameRu: input.nameRu.trim(), archived: input.archived, revision: 1, people: before?.people ?? [] }));
        bodies = r.list;
        return r.row;
      }),
      savePerson: vi.fn(async (input: { id?: string; revision?: number; bodyId: string; fullName: string; position: string; archived: boolean }) => {
        const body = bodies.find((b) => b.id === input.bodyId);
        if (!body) throw new EsepError('not_found', { id: input.bodyId });
        const r = saveRef(body.people, input, (id) => ({ id, bodyId: body.id, fullName: input.fullName.trim(), position: input.position.trim(), archived: input.archived, revision: 1 }));
        bodies = bodies.map((b) => (b.id === body.id ? { ...b, people: r.list } : b));
        return r.row;
      }),
    },
    savedFilters: {
      list: vi.fn(async (_: Record<string, never>) => saved),
      save: vi.fn(async ({ name, filter }: { name: string; filter: IssueFilter }) => {
        if (saved.some((s) => s.name === name.trim())) throw new EsepError('name_taken', { name: name.trim() });
        const row = { id: uuid('d400'), name: name.trim(), filter };
        saved = [...saved, row];
        return row;
      }),
      remove: vi.fn(async ({ id }: { id: string }) => {
        saved = saved.filter((s) => s.id !== id);
        return { id };
      }),
    },
  };

  return {
    api,
    reset,
    /** Straight into the store, as many as a test needs (10,000 take a few milliseconds). */
    seed(count: number, unitKato: string, make: (n: number) => Partial<Issue> = () => ({})): Issue[] {
      const made: Issue[] = [];
      const base = Math.max(0, ...issues.filter((i) => i.unitKato === unitKato).map((i) => i.registryNo));
      for (let n = 1; n <= count; n++) {
        const s = statuses[n % statuses.length]!;
        const raisedOn = `2025-0${1 + (n % 6)}-${String(1 + (n % 28)).padStart(2, '0')}`;
        const issue: Issue = {
          id: uuid('d500'), revision: 1, unitKato, registryNo: base + n, meetingId: null, meetingNo: null, raisedOn,
          kind: ISSUE_KINDS[n % ISSUE_KINDS.length] as IssueKind, text: SAMPLE_TEXTS[n % SAMPLE_TEXTS.length]!, categoryId: categories[n % categories.length]!.id,
          localityKato: null, bodyId: null, personId: null, deadline: `2025-0${1 + (n % 9)}-15`, statusId: s.id, closed: s.closed, overdue: false,
          onControl: n % 7 === 0, outcome: s.outcome, closedOn: s.closed ? raisedOn : null, prolongations: 0, eotinishNo: '',
          origin: 'fake', speechId: null, receivedVia: 'oral', collective: false, answeredOnSpot: false, answer: '', controller: '', repeatsId: null,
          createdAt: clock, updatedAt: clock, history: [{ id: uuid('d100'), at: clock, onDate: raisedOn, actor: ACTOR, statusId: s.id, outcome: s.outcome, comment: '', documentRef: '' }],
          prolongationList: [], hasAuthor: false, ...make(n),
        };
        made.push(issue);
      }
      issues = [...issues, ...made];
      return made.map(derive);
    },
    all: () => issues.map(derive),
    authorOf: (id: string) => authors.get(id) ?? null,
  };
}

/** Every field of a new issue at its empty value. */
export function blankFields(): IssueFields {
  return {
    kind: 'question', receivedVia: 'oral', collective: false, text: '', categoryId: null, localityKato: null, answeredOnSpot: false,
    answer: '', bodyId: null, personId: null, deadline: null, onControl: false, controller: '', eotinishNo: '', repeatsId: null,
  };
}

const SAMPLE_TEXTS = [
  'Ауылдағы жолды жөндеу қашан басталады?',
  'Ремонт дороги на улице Абая',
  'Көше жарығы жанбайды',
  'Нет питьевой воды летом',
  'Мектепке жаңа автобус керек',
  'Газ құбырын тарту мерзімі',
];
