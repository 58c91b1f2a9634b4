import type { AgendaItem, Decision, MinutesBody, Speech } from './minutes';

/**
 * One difference between two versions of the minutes. Entries of a list are named by id, not
 * position, so inserting an agenda item does not show every later item as changed:
 * - `chair`, `items.<id>.heard`, `items.<id>.speeches.<id>.gist`: a value changed;
 * - `items.<id>`: an entry added (before is null) or removed (after is null), given whole;
 * - `items.order`, `items.<id>.decisions.order`: the entries kept were reordered (the ids).
 */
export interface MinutesChange {
  path: string;
  before: unknown;
  after: unknown;
}

const HEADER_FIELDS = ['number', 'date', 'place', 'chair', 'secretary', 'presentCount', 'presentList', 'invited'] as const;
const ITEM_FIELDS = ['title', 'speaker', 'heard'] as const;
const SPEECH_FIELDS = ['speaker', 'localityKato', 'gist', 'issueKind', 'issueText'] as const;
const DECISION_FIELDS = ['text', 'responsible', 'deadline'] as const;

function leaves<T>(prefix: string, fields: readonly (keyof T & string)[], a: T, b: T, out: MinutesChange[]): void {
  for (const field of fields) if (a[field] !== b[field]) out.push({ path: prefix + field, before: a[field], after: b[field] });
}

function entries<T extends { id: string }>(
  path: string,
  a: readonly T[],
  b: readonly T[],
  same: (prefix: string, x: T, y: T, out: MinutesChange[]) => void,
  out: MinutesChange[],
): void {
  const before = new Map(a.map((x) => [x.id, x]));
  const after = new Map(b.map((y) => [y.id, y]));
  for (const x of a) if (!after.has(x.id)) out.push({ path: `${path}.${x.id}`, before: x, after: null });
  const keptBefore = a.filter((x) => after.has(x.id)).map((x) => x.id);
  const keptAfter = b.filter((y) => before.has(y.id)).map((y) => y.id);
  if (keptBefore.some((id, i) => id !== keptAfter[i])) {
    out.push({ path: `${path}.order`, before: a.map((x) => x.id), after: b.map((y) => y.id) });
  }
  for (const y of b) {
    const x = before.get(y.id);
    if (x) same(`${path}.${y.id}.`, x, y, out);
    else out.push({ path: `${path}.${y.id}`, before: null, after: y });
  }
}

function item(prefix: string, a: AgendaItem, b: AgendaItem, out: MinutesChange[]): void {
  leaves(prefix, ITEM_FIELDS, a, b, out);
  entries<Speech>(`${prefix}speeches`, a.speeches, b.speeches, (p, x, y, o) => leaves(p, SPEECH_FIELDS, x, y, o), out);
  entries<Decision>(`${prefix}decisions`, a.decisions, b.decisions, (p, x, y, o) => leaves(p, DECISION_FIELDS, x, y, o), out);
}

/**
 * What changed from `a` to `b`; empty exactly when the two are equal (entries of each list
 * must have distinct ids).
 */
export function diffMinutes(a: MinutesBody, b: MinutesBody): MinutesChange[] {
  const out: MinutesChange[] = [];
  leaves('', HEADER_FIELDS, a, b, out);
  entries('items', a.items, b.items, item, out);
  return out;
}

/** The path of every id used twice in the body (ids name rows and diff entries: they must be unique). */
export function duplicateIdPaths(body: MinutesBody): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const visit = (id: string, path: string) => {
    if (seen.has(id)) duplicates.push(path);
    seen.add(id);
  };
  body.items.forEach((it, i) => {
    visit(it.id, `items.${i}.id`);
    it.speeches.forEach((s, j) => visit(s.id, `items.${i}.speeches.${j}.id`));
    it.decisions.forEach((d, j) => visit(d.id, `items.${i}.decisions.${j}.id`));
  });
  return duplicates;
}
