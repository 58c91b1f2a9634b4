import { setupTemplate } from '../helpers/template-db';

/** The classifier is loaded once per run; every renderer test starts from a copy of that database. */
export default function setup(): () => void {
  return setupTemplate();
}
