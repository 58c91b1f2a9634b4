// What other features and the shell may use of the dashboard; the rest of this folder is its own.
export { DashboardView } from './DashboardView';
