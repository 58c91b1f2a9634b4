// What other features and the shell may use of the reminders; the rest of this folder is its own.
export { ReminderBell } from './ReminderBell';
export { ReminderDaysSetting } from './ReminderDaysSetting';
