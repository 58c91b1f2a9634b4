// What other features and the shell may use of the calendar; the rest of this folder is its own.
export { CalendarScreen } from './CalendarScreen';
export { RecordPanel } from './RecordPanel';
