import type { Core } from '../../electron/core/core';
import { insertOperator, operatorByLogin } from '../../electron/core/db/repos/operators.repo';
import { hashSecret } from '../../electron/core/operators/secret-hash';
import { actAs } from '../../electron/core/services/operators.service';
import type { OperatorRole } from '../../shared/domain/operators/roles';

/** The secret of every operator `addStaff` creates. */
export const STAFF_SECRET = '246810';

/** One operator of each role, by login (also their role's test name). */
export const STAFF: Readonly<Record<OperatorRole, { login: string; name: string; positionKk: string; positionRu: string }>> = {
  admin: { login: 'admin', name: 'Сейтқали Әлия', positionKk: 'аппарат басшысы', positionRu: 'руководитель аппарата' },
  secretary: { login: 'hatshy', name: 'Нұрланова Гүлжан', positionKk: 'бас маман', positionRu: 'главный специалист' },
  okrug_staff: { login: 'okrug', name: 'Бекенов Асхат', positionKk: 'ауылдық округ әкімінің орынбасары', positionRu: 'заместитель акима сельского округа' },
  viewer: { login: 'viewer', name: 'Жұмабаева Сәуле', positionKk: 'маман', positionRu: 'специалист' },
};

/** A cheap hash for tests that make many operators (the app's cost is tested in operators.test.ts). */
let cheapHash: Promise<string> | null = null;

/**
 * One operator of each role on `core` (written as the service would, with a hash of
 * STAFF_SECRET at a test's low cost), and `signedIn` signed in. No recovery code is issued.
 */
export async function addStaff(core: Core, signedIn: OperatorRole | null = 'admin'): Promise<void> {
  cheapHash ??= hashSecret(STAFF_SECRET, { logN: 10, r: 8, p: 1 });
  const secretHash = await cheapHash;
  const now = core.ctx.clock.now().getTime();
  core.ctx.db.transaction(() => {
    for (const [role, profile] of Object.entries(STAFF) as Array<[OperatorRole, (typeof STAFF)[OperatorRole]]>) {
      if (!operatorByLogin(core.ctx.db, profile.login)) insertOperator(core.ctx.db, { id: crypto.randomUUID(), ...profile, role, active: true, secretHash }, now);
    }
  })();
  signInAs(core, signedIn);
}

/** Makes `role`'s operator the session's (null: nobody signed in). */
export function signInAs(core: Core, role: OperatorRole | null): void {
  const o = role ? operatorByLogin(core.ctx.db, STAFF[role].login) : null;
  core.session.set(o?.seq ?? 0, false);
  actAs(core.ctx, o);
}
