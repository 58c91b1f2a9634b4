import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('the layering is enforced by lint', () => {
  it.each([
    ['renderer/src/x.ts', "import fs from 'node:fs';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import { openCore } from '../../electron/core/core';"],
    ['shared/domain/x.ts', "import path from 'node:path';"],
    ['shared/domain/x.ts', "import React from 'react';"],
    ['shared/domain/x.ts', "import { api } from '../../renderer/src/api';"],
    ['electron/core/x.ts', "import { app } from 'electron';"],
    ['electron/cli/x.ts', "import { app } from 'electron';"],
    ['electron/core/demo/x.ts', "import { app } from 'electron';"],
    ['electron/core/services/x.ts', "import { generateDemo } from '../demo/generate';"],
    ['electron/core/api/x.ts', "import { createDemoHandlers } from '../demo/demo.handlers';"],
    ['electron/host/x.ts', "import { demoContract } from '../core/demo/demo.contract';"],
    ['electron/main/x.ts', "import { demoContract } from '../core/demo/demo.contract';"],
    ['electron/preload/x.ts', "import fs from 'node:fs';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(1);
  });

  it.each([
    ['renderer/src/x.ts', "import { createApi } from '../../shared/contract/api';"],
    ['electron/core/x.ts', "import fs from 'node:fs';"],
    ['electron/core/demo/x.ts', "import { listRuleSets } from '../db/repos/rule-sets.repo';"],
    ['electron/cli/x.ts', "import { demoContract } from '../core/demo/demo.contract';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(0);
  });
});
