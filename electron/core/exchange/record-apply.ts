import type { Db } from '../db/open';
import { EsepError } from '../../../shared/errors';
import { PACKAGE_KINDS, emptyCounts, type KindCounts, type PackageKind } from '../../../shared/domain/exchange/record-kinds';
import type { RecordRefusal } from '../../../shared/contract/exchange.contract';
import { searchDocument, type SearchDocument, type SearchEntry, writeSearchRows } from '../services/issue-search';
import { KIND_SPECS, recordSchema, recordsPath, specOf, type ChildSpec, type KindSpec, type TravellingRecord } from './record-format';

/**
 * Applying the records of one verified package (docs/exchange.md §Applying). Runs inside the
 * importer's transaction; every refusal of the package as a whole throws, and the transaction
 * takes back whatever was written before it.
 *
 * - Reference rows are added where missing and never overwritten.
 * - A record new here is added; one held here at a lower revision is replaced whole (its parts
 *   deleted and written again); the same revision is unchanged; a lower one is refused
 *   (`older_revision`), as is an id this installation holds for another origin
 *   (`other_origin`) or for itself (`own_record`). The rest of the package still applies.
 */

export type Records = Map<PackageKind, TravellingRecord[]>;

const MAX_REFUSALS = 100;

function invalid(kind: string, line: number, field: string): EsepError {
  return new EsepError('package_record_invalid', { kind, line, field });
}

/** The payload's record files, each line checked against its kind's schema; anything else under records/ is refused. */
export function parseRecords(payload: ReadonlyMap<string, Buffer>): Records {
  const records: Records = new Map();
  const known = new Map(PACKAGE_KINDS.map((k) => [recordsPath(k), k]));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [path, bytes] of payload) {
    if (!path.startsWith('records/')) continue;
    const kind = known.get(path);
    if (!kind) throw new EsepError('package_record_kind_unknown', { file: path });
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new EsepError('package_record_invalid', { kind, line: 0, field: 'utf8' });
    }
    const schema = recordSchema(specOf(kind));
    const list: TravellingRecord[] = [];
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    lines.forEach((line, i) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw invalid(kind, i + 1, 'json');
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw invalid(kind, i + 1, parsed.error.issues[0]?.path.join('.') || 'record');
      list.push(parsed.data);
    });
    records.set(kind, list);
  }
  return records;
}

export interface ApplyContext {
  /** The package's origin: every record must be its. */
  origin: string;
  /** This installation. */
  self: string;
  /** The units the origin may write about: its unit's subtree. */
  units: ReadonlySet<string>;
  /** Called after each record, for the screen's progress. */
  onRecord?: () => void;
}

export interface Applied {
  counts: Partial<Record<PackageKind, KindCounts>>;
  refusals: Array<{ kind: PackageKind; id: string; reason: RecordRefusal }>;
  /** Attachment files the applied rows need stored (sha256), for the caller to write. */
  attachmentHashes: string[];
}

/** The columns that name a row of the same table: written in a second pass, once every row of the package exists. */
const SELF_REFERENCE: Partial<Record<PackageKind, string>> = { issues: 'repeats_id', issue_categories: 'parent_id' };
/** The unit columns a record names; each must be in the origin's subtree (localities included). */
const UNIT_COLUMNS: Partial<Record<PackageKind, string[]>> = {
  akims: ['unit_kato'],
  meetings: ['unit_kato', 'venue_kato'],
  issues: ['unit_kato', 'locality_kato'],
};

function sqlError(error: unknown, kind: PackageKind, id: string): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new EsepError('package_reference_missing', { kind, id });
  if (code.startsWith('SQLITE_CONSTRAINT')) return new EsepError('package_record_invalid', { kind, id, field: code.slice('SQLITE_CONSTRAINT_'.length).toLowerCase() });
  return error;
}

/** Prepared statements of one kind, made once per package. */
class KindWriter {
  private readonly insert;
  private readonly update;
  private readonly existing;
  private readonly columns: string[];
  private readonly selfColumn: string | undefined;
  private readonly setSelf;

  constructor(
    private readonly db: Db,
    readonly spec: KindSpec,
  ) {
    this.selfColumn = SELF_REFERENCE[spec.kind];
    this.columns = Object.keys(spec.columns);
    this.insert = db.prepare(`INSERT INTO ${spec.table} (${this.columns.join(', ')}) VALUES (${this.columns.map((c) => `@${c}`).join(', ')})`);
    const updated = this.columns.filter((c) => c !== 'id');
    this.update = db.prepare(`UPDATE ${spec.table} SET ${updated.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
    this.existing = db.prepare(`SELECT origin, revision FROM ${spec.table} WHERE id = ?`);
    this.setSelf = this.selfColumn ? db.prepare(`UPDATE ${spec.table} SET ${this.selfColumn} = ? WHERE id = ?`) : null;
  }

  find(id: string): { origin: string; revision: number } | undefined {
    return this.existing.get(id) as { origin: string; revision: number } | undefined;
  }

  private row(record: TravellingRecord): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    for (const c of this.columns) row[c] = record[c];
    // The self-reference is set by linkSelf once the row it names exists.
    if (this.selfColumn) row[this.selfColumn] = null;
    return row;
  }

  write(record: TravellingRecord, replace: boolean): number | bigint {
    return replace ? this.update.run(this.row(record)).changes : this.insert.run(this.row(record)).lastInsertRowid;
  }

  linkSelf(record: TravellingRecord): void {
    if (this.setSelf && this.selfColumn && record[this.selfColumn] != null) this.setSelf.run(record[this.selfColumn], record.id);
  }
}

/** Inserts of one child table (and its own children), and the deletion of a parent's children before a replace. */
class ChildWriter {
  private readonly insert;
  private readonly remove;
  private readonly columns: string[];
  private readonly nested: ChildWriter[];

  constructor(
    db: Db,
    private readonly spec: ChildSpec,
  ) {
    this.columns = Object.keys(spec.columns);
    const all = [spec.parentColumn, ...this.columns];
    this.insert = db.prepare(`INSERT INTO ${spec.table} (${all.join(', ')}) VALUES (${all.map((c) => `@${c}`).join(', ')})`);
    this.remove = db.prepare(`DELETE FROM ${spec.table} WHERE ${spec.parentColumn} = ?`);
    this.nested = (spec.children ?? []).map((c) => new ChildWriter(db, c));
  }

  /** Deletes the parent's rows here, their own children first. */
  clear(parentId: string, db: Db): void {
    if (this.nested.length > 0) {
      const ids = db.prepare(`SELECT id FROM ${this.spec.table} WHERE ${this.spec.parentColumn} = ?`).pluck().all(parentId) as string[];
      for (const id of ids) for (const n of this.nested) n.clear(id, db);
    }
    this.remove.run(parentId);
  }

  write(parentId: string, rows: ReadonlyArray<Record<string, unknown>>): void {
    for (const child of rows) {
      const row: Record<string, unknown> = { [this.spec.parentColumn]: parentId };
      for (const c of this.columns) row[c] = child[c];
      this.insert.run(row);
      for (const n of this.nested) n.write(child.id as string, (child[n.spec.field] as Array<Record<string, unknown>>) ?? []);
    }
  }
}

/**
 * Refuses, as a whole, a package whose records are not its origin's to send: a record of
 * another origin (reference rows excepted: they keep whoever made them), or one about a unit
 * outside the origin's subtree, or minutes and files of a meeting it does not carry.
 */
function checkScope(records: Records, ctx: ApplyContext): void {
  const meetings = new Set((records.get('meetings') ?? []).map((m) => m.id));
  for (const spec of KIND_SPECS) {
    if (spec.reference) continue;
    for (const record of records.get(spec.kind) ?? []) {
      if (record.origin !== ctx.origin) throw new EsepError('package_record_foreign', { kind: spec.kind, id: record.id });
      for (const column of UNIT_COLUMNS[spec.kind] ?? []) {
        const unit = record[column] as string | null;
        if (unit !== null && !ctx.units.has(unit)) throw new EsepError('package_record_outside', { kind: spec.kind, id: record.id, kato: unit });
      }
      if ((spec.kind === 'minutes' || spec.kind === 'attachments') && !meetings.has(record.meeting_id as string)) {
        throw new EsepError('package_reference_missing', { kind: spec.kind, id: record.id });
      }
    }
  }
}

export function applyRecords(db: Db, records: Records, ctx: ApplyContext): Applied {
  checkScope(records, ctx);
  const applied: Applied = { counts: {}, refusals: [], attachmentHashes: [] };
  const newSearch: Array<SearchEntry> = [];
  const changedSearch: Array<SearchEntry> = [];
  const seqOf = db.prepare('SELECT seq FROM issues WHERE id = ?').pluck();

  for (const spec of KIND_SPECS) {
    const list = records.get(spec.kind);
    if (!list || list.length === 0) continue;
    const counts = emptyCounts();
    applied.counts[spec.kind] = counts;
    const writer = new KindWriter(db, spec);
    const children = spec.children.map((c) => new ChildWriter(db, c));
    const part = spec.part
      ? {
          remove: db.prepare(`DELETE FROM ${spec.part.table} WHERE ${spec.part.keyColumn} = ?`),
          insert: db.prepare(
            `INSERT INTO ${spec.part.table} (${spec.part.keyColumn}, ${Object.keys(spec.part.columns).join(', ')}) VALUES (@key, ${Object.keys(spec.part.columns)
              .map((c) => `@${c}`)
              .join(', ')})`,
          ),
        }
      : null;
    const written: TravellingRecord[] = [];
    const refuse = (id: string, reason: RecordRefusal) => {
      counts.refused++;
      if (applied.refusals.length < MAX_REFUSALS) applied.refusals.push({ kind: spec.kind, id, reason });
    };

    for (const record of list) {
      ctx.onRecord?.();
      const held = writer.find(record.id);
      if (spec.reference) {
        if (held) {
          counts.unchanged++;
          continue;
        }
      } else if (held) {
        if (held.origin === ctx.self) {
          refuse(record.id, 'own_record');
          continue;
        }
        if (held.origin !== record.origin) {
          refuse(record.id, 'other_origin');
          continue;
        }
        if (held.revision === record.revision) {
          counts.unchanged++;
          continue;
        }
        if (held.revision > record.revision) {
          refuse(record.id, 'older_revision');
          continue;
        }
      }
      const replace = held !== undefined;
      try {
        const rowid = writer.write(record, replace);
        if (replace) {
          for (const c of children) c.clear(record.id, db);
          part?.remove.run(record.id);
        }
        children.forEach((c, i) => c.write(record.id, (record[spec.children[i]!.field] as Array<Record<string, unknown>>) ?? []));
        const author = spec.part ? (record[spec.part.field] as Record<string, unknown> | null) : null;
        if (part && author) part.insert.run({ key: record.id, ...author });
        if (spec.kind === 'issues') {
          const seq = replace ? (seqOf.get(record.id) as number) : Number(rowid);
          (replace ? changedSearch : newSearch).push({ seq, document: issueDocument(record) });
        }
      } catch (error) {
        throw sqlError(error, spec.kind, record.id);
      }
      if (spec.kind === 'attachments' && record.deleted_at === null) applied.attachmentHashes.push(record.sha256 as string);
      written.push(record);
      if (replace) counts.changed++;
      else counts.new++;
    }
    for (const record of written) {
      try {
        writer.linkSelf(record);
      } catch (error) {
        throw sqlError(error, spec.kind, record.id);
      }
    }
  }
  // All deletions, then all insertions (see writeSearchRows).
  writeSearchRows(db, changedSearch);
  writeSearchRows(db, newSearch, true);
  return applied;
}

function issueDocument(record: TravellingRecord): SearchDocument {
  const history = (record.history as Array<{ comment: string; document_ref: string }>) ?? [];
  return searchDocument({
    text: record.text as string,
    answer: record.answer as string,
    eotinishNo: record.eotinish_no as string,
    // As reindexIssues reads them: the notes that say something.
    notes: history.filter((h) => h.comment !== '' || h.document_ref !== '').flatMap((h) => [h.comment, h.document_ref]),
  });
}
