import { useDashboardStore } from './dashboard.store';
import { useGridStore } from './grid.store';
import { useRemindersStore } from './reminders.store';

/**
 * What a change to a meeting makes stale besides the meeting lists: the grid's cells, the
 * dashboard's counts and lists, and the reminders. Each reloads only what it has shown.
 */
export async function refreshDerived(): Promise<void> {
  await Promise.all([useGridStore.getState().reload(), useDashboardStore.getState().reload(), useRemindersStore.getState().load()]);
}
