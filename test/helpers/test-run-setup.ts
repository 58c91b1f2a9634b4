import { setupTestRun } from './template-db';

/**
 * Global setup of the integration and renderer projects: the classifier is loaded once per run,
 * and every test that needs a core starts from a copy of that database.
 */
export default function setup(): () => void {
  return setupTestRun();
}
