// What other features and the shell may use of the minutes; the rest of this folder is its own.
export { MinutesPanel } from './MinutesPanel';
