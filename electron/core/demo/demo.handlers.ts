import type { Core } from '../core';
import type { HandlersOf } from '../api/dispatch';
import type { demoContract } from './demo.contract';
import { generateDemo } from './generate';

/** The demo contract bound to the core, for the doors that dispatch over it (the CLI). */
export function createDemoHandlers(core: Core): HandlersOf<typeof demoContract> {
  return { 'demo:generate': (input) => generateDemo(core.ctx, input) };
}
