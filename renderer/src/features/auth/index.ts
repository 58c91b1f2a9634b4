// What the shell and the setup wizard may use of signing in; the rest of this folder is its own.
export { SignedOutScreen } from './SignedOutScreen';
export { LockScreen } from './LockScreen';
export { FirstAdminForm } from './FirstAdminForm';
export { FirstAdminBanner } from './FirstAdminBanner';
export { RecoveryCodePanel } from './RecoveryCodePanel';
export { RecoveryCodeScreen } from './RecoveryCodeScreen';
export { useIdleLock } from './useIdleLock';
export { useSessionFollowsCore } from './useSessionFollowsCore';
