import type { TFunction } from 'i18next';
import type { ErrorPayload } from '../../../../shared/errors';

/** Contract field paths (the last segment of `fields.eotinishNo`, `author.phone`…) with a label of their own. */
const LABELLED = new Set([
  'kind', 'receivedVia', 'collective', 'text', 'categoryId', 'localityKato', 'answeredOnSpot', 'answer', 'bodyId', 'personId',
  'deadline', 'onControl', 'controller', 'eotinishNo', 'repeatsId', 'fullName', 'phone', 'address', 'newDeadline', 'reason',
  'statusId', 'onDate', 'comment', 'documentRef', 'outcome', 'unitKato', 'raisedOn', 'meetingId', 'nameKk', 'nameRu', 'parentId', 'name',
]);
/** Fields labelled by a shared component rather than the issue forms. */
const SHARED: Record<string, string> = { positionKk: 'Position.kk', positionRu: 'Position.ru' };

/** The label of a contract field path, in the reader's language. */
export function fieldLabel(t: TFunction, path: string): string {
  const last = path.split('.').at(-1) ?? '';
  if (SHARED[last]) return t(SHARED[last]);
  return t(`Issues.fields.${LABELLED.has(last) ? last : 'other'}`);
}

/**
 * A `validation` error names contract fields; the reader sees the form's labels instead in the
 * message, and each field's reason (kept by path, `invalid` where the core gave none) next to it.
 */
export function withFieldLabels(t: TFunction, payload: ErrorPayload): ErrorPayload {
  const fields = payload.details?.['fields'];
  if (payload.code !== 'validation' || !Array.isArray(fields)) return payload;
  const given = (payload.details?.['reasons'] ?? {}) as Record<string, unknown>;
  const reasons = Object.fromEntries(fields.map((f) => [f, typeof given[f] === 'string' ? given[f] : 'invalid']));
  return { ...payload, details: { fields: [...new Set(fields.map((f) => fieldLabel(t, f)))], reasons } };
}

/** A check that failed before anything was sent, worded like the core's: each path is required. */
export const missing = (t: TFunction, ...paths: string[]): ErrorPayload => ({
  code: 'validation',
  details: { fields: paths.map((p) => fieldLabel(t, p)), reasons: Object.fromEntries(paths.map((p) => [p, 'required'])) },
});
