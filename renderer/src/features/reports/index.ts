// What other features and the shell may use of the reports; the rest of this folder is its own.
export { ReportsScreen } from './ReportsScreen';
export { ReportExportPanel } from './ExportPanel';
