import { useDashboardStore } from './dashboard.store';
import { useGridStore } from './grid.store';
import { useRemindersStore } from './reminders.store';
import { useReportsStore } from './reports.store';

/**
 * What a change to a meeting makes stale besides the meeting lists: the grid's cells, the
 * dashboard's counts and lists, the reminders, and a report. Each reloads only what it has shown;
 * a report is asked again by its screen, and only while it shows (the heaviest request at oblast scale).
 */
export async function refreshDerived(): Promise<void> {
  useReportsStore.getState().invalidate();
  await Promise.all([useGridStore.getState().reload(), useDashboardStore.getState().reload(), useRemindersStore.getState().load()]);
}
