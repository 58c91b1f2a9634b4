// What the shell may use of the first-run setup; the rest of this folder is its own.
export { SetupWizard } from './SetupWizard';
