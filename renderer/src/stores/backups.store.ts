import { create } from 'zustand';
import { api, onDatabaseDamaged } from '../api';
import type { BackupEntry, DbHealth, RestoreOutcome } from '../../../shared/contract/backups.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { attempt, type Result } from './result';
import { onReset, resetAllStores } from './reset';
import { useAppStore } from './app.store';
import { useAuthStore } from './auth.store';

interface BackupsData {
  /** Null until first asked. */
  health: DbHealth | null;
  /** The backups folder, newest first; null until first loaded. */
  list: BackupEntry[] | null;
  listError: ErrorPayload | null;
  /** The last restore, shown on Settings after the app has reloaded its data. */
  restored: RestoreOutcome | null;
}

interface BackupsActions {
  loadHealth(): Promise<void>;
  loadList(): Promise<void>;
  /** null: into the backups folder; else the folder named (a USB stick). */
  backupNow(folder: string | null): Promise<Result<BackupEntry>>;
  /**
   * Puts the backup in place of the database. Every cached screen's data belonged to the old
   * database, so the whole renderer starts again on the restored one, on Settings.
   */
  restore(file: string): Promise<Result<RestoreOutcome>>;
}

export type BackupsState = BackupsData & BackupsActions;

const initial: BackupsData = { health: null, list: null, listError: null, restored: null };

/** Settings → Backups and the damaged-database banner (issue 12, points 6 and 7). */
export const useBackupsStore = create<BackupsState>()((set, get) => ({
  ...initial,

  async loadHealth() {
    const result = await attempt(() => api.db.health({}));
    // A failed question changes nothing: the banner goes by what the core last said.
    if (result.ok) set({ health: result.value });
  },

  async loadList() {
    const result = await attempt(() => api.backup.list({}));
    set(result.ok ? { list: result.value, listError: null } : { listError: result.error });
  },

  async backupNow(folder) {
    const result = await attempt(() => api.backup.now({ folder }));
    // A refusal may be the damage itself (db_damaged): the banner learns it from the api's watch.
    if (result.ok) await get().loadList();
    return result;
  },

  async restore(file) {
    const result = await attempt(() => api.backup.restore({ file }));
    if (!result.ok) return result;
    resetAllStores();
    // The restored database has the operators of its day: the gate asks who is signed in now.
    await Promise.all([useAppStore.getState().load(), useAuthStore.getState().refresh()]);
    useAppStore.getState().navigate('settings');
    set({ restored: result.value, health: result.value.health });
    await get().loadList();
    return result;
  },
}));

onDatabaseDamaged(() => void useBackupsStore.getState().loadHealth());

onReset(() => useBackupsStore.setState(initial));
