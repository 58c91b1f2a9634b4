import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetAllStores } from '../../renderer/src/stores/reset';
import { closeCore, invoke, onOpenPackage } from './test-core';

// The renderer finds the bridge the Electron preload would expose, and its api.ts builds the
// typed api over it as in the app: every request goes through dispatch to a real core.
window.esep = { invoke, onOpenPackage };

// Without vitest globals Testing Library cannot register its own cleanup.
// The files of a worker share one module graph (isolate: false), so nothing a test set up
// may outlive it: fake timers and spies on shared objects go too.
afterEach(() => {
  cleanup();
  resetAllStores();
  closeCore();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
