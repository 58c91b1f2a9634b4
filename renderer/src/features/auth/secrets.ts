import { secretProblem } from '../../../../shared/domain/operators/roles';
import type { ErrorPayload } from '../../../../shared/errors';

/** A new secret typed twice, checked by the core's own rule before it is sent. */
export function newSecretProblem(secret: string, again: string): ErrorPayload | 'mismatch' | null {
  const problem = secretProblem(secret);
  if (problem) return { code: 'secret_weak', details: { reason: problem } };
  return secret === again ? null : 'mismatch';
}
