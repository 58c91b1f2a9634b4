import { z } from 'zod';
import { MAX_IDLE_MINUTES, MAX_SECRET_LENGTH, OPERATOR_ROLES, type OperatorRole, type Permission } from '../domain/operators/roles';
import { channel, Id, NoInput, PositionFields, RequiredText } from './schemas';

/** An operator as the screens show them: never the secret or its hash. */
export interface OperatorView {
  id: string;
  login: string;
  name: string;
  positionKk: string;
  positionRu: string;
  role: OperatorRole;
  active: boolean;
  revision: number;
  /** When they last signed in (ms), null before the first time. */
  lastSignInAt: number | null;
}

/** Who works on this installation now, and what they may do. */
export interface AuthState {
  /** No operator exists yet: the app asks for the first administrator before anything else. */
  operatorsExist: boolean;
  /** The operator signed in; while locked, whose screen it is. */
  operator: OperatorView | null;
  locked: boolean;
  permissions: Permission[];
  /** Minutes without a key or a click before the screen locks (0: never). */
  idleMinutes: number;
}

/** The administrator's recovery code: shown once, kept on paper in the akimat's safe. */
export interface WithRecoveryCode {
  state: AuthState;
  recoveryCode: string;
}

/** Any string the person typed: checked by rule (roles.ts secretProblem), never trimmed. */
export const Secret = z.string().min(1).max(MAX_SECRET_LENGTH);
/** Letters, digits, dots, dashes and underscores: typed on the sign-in screen in either layout. */
export const Login = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[\p{L}\p{N}._-]+$/u);

const Profile = { login: Login, name: RequiredText(200), ...PositionFields };

export const OperatorInput = z
  .object({
    /** null: a new operator. */
    id: Id.nullable(),
    revision: z.number().int().min(1).nullable(),
    ...Profile,
    role: z.enum(OPERATOR_ROLES),
    active: z.boolean(),
    /** Required for a new operator; for one that exists, a new secret set by the administrator. */
    secret: Secret.optional(),
  })
  .strict();
export type OperatorInput = z.infer<typeof OperatorInput>;

/** Operators, signing in and the lock (issue 14, point 1). */
export const operatorsContract = {
  'auth:state': channel<AuthState>()(NoInput),
  'auth:signIn': channel<AuthState>()(z.object({ login: Login, secret: Secret }).strict()),
  'auth:signOut': channel<AuthState>()(NoInput),
  /** The idle lock, or the operator stepping away: the screen asks for their secret again. */
  'auth:lock': channel<AuthState>()(NoInput),
  'auth:unlock': channel<AuthState>()(z.object({ secret: Secret }).strict()),
  /** A forgotten administrator secret: the recovery code sets a new one (and is then replaced). */
  'auth:recover': channel<WithRecoveryCode>()(z.object({ login: Login, recoveryCode: RequiredText(64), secret: Secret }).strict()),
  /** The first administrator, in the setup wizard or on an installation that has none yet. */
  'operators:createFirst': channel<WithRecoveryCode>()(z.object({ ...Profile, secret: Secret }).strict()),
  'operators:list': channel<OperatorView[]>()(NoInput),
  'operators:save': channel<OperatorView>()(OperatorInput),
  /** The operator signed in changes their own secret. */
  'operators:changeSecret': channel<AuthState>()(z.object({ current: Secret, secret: Secret }).strict()),
  /** A new recovery code, the old one void; the administrator types their secret again. */
  'operators:newRecoveryCode': channel<{ recoveryCode: string }>()(z.object({ secret: Secret }).strict()),
  'settings:setIdleMinutes': channel<AuthState>()(z.object({ minutes: z.number().int().min(0).max(MAX_IDLE_MINUTES) }).strict()),
};
