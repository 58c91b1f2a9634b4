import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import type { issuesContract, Body, BodyPerson, IssueCategory, IssueStatus } from '../../../shared/contract/issues.contract';
import { EsepError } from '../../../shared/errors';
import { appendAudit } from '../db/repos/audit.repo';
import * as repo from '../db/repos/issue-reference.repo';
import { AUTO_STATUS } from '../../../shared/domain/issues/issue';

/**
 * The issue log's reference lists, edited by administrators: statuses (each open or closed),
 * the category tree, responsible bodies and their people. Nothing is deleted — a row in use
 * is archived: it stays on the issues that have it and can no longer be chosen.
 */

type In<K extends keyof typeof issuesContract> = z.output<(typeof issuesContract)[K]['input']>;

/** The saved row at the revision the caller saw, or a refusal; null for a new row. */
function existing<T extends { revision: number }>(load: (id: string) => T | null, id: string | undefined, revision: number | undefined): T | null {
  if (id === undefined) return null;
  const row = load(id);
  if (!row) throw new EsepError('not_found', { id });
  if (revision !== row.revision) throw new EsepError('conflict', { id, revision: row.revision });
  return row;
}

function audit(ctx: CoreContext, entity: string, before: { id: string } | null, after: { id: string }): void {
  appendAudit(ctx, before ? { action: 'update', entity, entityId: after.id, before, after } : { action: 'insert', entity, entityId: after.id, after });
}

export function listStatuses(ctx: CoreContext): IssueStatus[] {
  return repo.listStatuses(ctx.db);
}

/**
 * A seed status keeps its type (reports count "done" as closed everywhere); an added one may
 * change type only while no issue has it, so an issue's closure always matches its status.
 */
export function saveStatus(ctx: CoreContext, input: In<'issueStatuses:save'>): IssueStatus {
  return ctx.db.transaction(() => {
    const before = existing((id) => repo.getStatus(ctx.db, id), input.id, input.revision);
    if (!input.closed && input.outcome !== null) throw new EsepError('validation', { fields: ['outcome'] });
    if (before && before.closed !== input.closed) {
      if (before.code !== null) throw new EsepError('validation', { fields: ['closed'] });
      if (repo.statusInUse(ctx.db, before.id)) throw new EsepError('status_in_use', { id: before.id });
    }
    const automatic = (Object.values(AUTO_STATUS) as string[]).includes(before?.id ?? '');
    if (automatic && input.archived) throw new EsepError('validation', { fields: ['archived'] });
    const after: IssueStatus = {
      id: before?.id ?? randomUUID(),
      code: before?.code ?? null,
      nameKk: input.nameKk,
      nameRu: input.nameRu,
      closed: input.closed,
      outcome: input.outcome,
      ordinal: before?.ordinal ?? repo.nextStatusOrdinal(ctx.db),
      archived: input.archived,
      revision: (before?.revision ?? 0) + 1,
    };
    repo.saveStatus(ctx.db, after, ctx.installationId);
    audit(ctx, 'issue_status', before, after);
    return after;
  })();
}

export function listCategories(ctx: CoreContext): IssueCategory[] {
  return repo.listCategories(ctx.db);
}

/** A category under another (e-Otinish's category → issue → sub-issue); never under itself. */
export function saveCategory(ctx: CoreContext, input: In<'issueCategories:save'>): IssueCategory {
  return ctx.db.transaction(() => {
    const before = existing((id) => repo.getCategory(ctx.db, id), input.id, input.revision);
    if (input.parentId !== null) {
      const parent = repo.getCategory(ctx.db, input.parentId);
      const moved = before?.parentId !== input.parentId;
      if (!parent || (parent.archived && moved)) throw new EsepError('validation', { fields: ['parentId'] });
      if (before && repo.categoryAncestors(ctx.db, parent.id).includes(before.id)) throw new EsepError('validation', { fields: ['parentId'] });
    }
    const after: IssueCategory = {
      id: before?.id ?? randomUUID(),
      code: before?.code ?? null,
      parentId: input.parentId,
      nameKk: input.nameKk,
      nameRu: input.nameRu,
      ordinal: before?.ordinal ?? repo.nextCategoryOrdinal(ctx.db),
      archived: input.archived,
      revision: (before?.revision ?? 0) + 1,
    };
    repo.saveCategory(ctx.db, after, ctx.installationId);
    audit(ctx, 'issue_category', before, after);
    return after;
  })();
}

export function listBodies(ctx: CoreContext): Body[] {
  return repo.listBodies(ctx.db);
}

export function saveBody(ctx: CoreContext, input: In<'bodies:save'>): Body {
  return ctx.db.transaction(() => {
    const before = existing((id) => repo.getBody(ctx.db, id), input.id, input.revision);
    const after = {
      id: before?.id ?? randomUUID(),
      nameKk: input.nameKk,
      nameRu: input.nameRu,
      archived: input.archived,
      revision: (before?.revision ?? 0) + 1,
    };
    repo.saveBody(ctx.db, after, ctx.installationId);
    const beforeRow = before && { id: before.id, nameKk: before.nameKk, nameRu: before.nameRu, archived: before.archived, revision: before.revision };
    audit(ctx, 'body', beforeRow, after);
    return repo.getBody(ctx.db, after.id)!;
  })();
}

/** A person stays in the body they were added to: the issues assigned to them name that body. */
export function saveBodyPerson(ctx: CoreContext, input: In<'bodies:savePerson'>): BodyPerson {
  return ctx.db.transaction(() => {
    const before = existing((id) => repo.getPerson(ctx.db, id), input.id, input.revision);
    const body = repo.getBody(ctx.db, input.bodyId);
    if (!body || (before === null && body.archived) || (before !== null && before.bodyId !== input.bodyId)) {
      throw new EsepError('validation', { fields: ['bodyId'] });
    }
    const after: BodyPerson = {
      id: before?.id ?? randomUUID(),
      bodyId: input.bodyId,
      fullName: input.fullName,
      positionKk: input.positionKk,
      positionRu: input.positionRu,
      archived: input.archived,
      revision: (before?.revision ?? 0) + 1,
    };
    repo.savePerson(ctx.db, after, ctx.installationId);
    audit(ctx, 'body_person', before, after);
    return after;
  })();
}
