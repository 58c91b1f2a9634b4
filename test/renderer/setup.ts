import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetAllStores } from '../../renderer/src/stores/reset';
import { closeCore, invoke } from './test-core';

// The renderer finds the bridge the Electron preload would expose, and its api.ts builds the
// typed api over it as in the app: every request goes through dispatch to a real core.
window.esep = { invoke };

// Without vitest globals Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  resetAllStores();
  closeCore();
});
