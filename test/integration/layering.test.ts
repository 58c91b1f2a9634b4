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
    ['renderer/src/features/issues/x.ts', "import { api } from '../../api';"],
    ['renderer/src/features/issues/plan/x.ts', "import { api } from '../../../api';"],
    ['renderer/src/components/x.tsx', "import { api } from '../api';"],
    ['renderer/src/App.tsx', "import { api } from './api';"],
    ['shared/domain/x.ts', "import path from 'node:path';"],
    ['shared/domain/x.ts', "import React from 'react';"],
    ['shared/domain/x.ts', "import { api } from '../../renderer/src/api';"],
    ['electron/core/x.ts', "import { app } from 'electron';"],
    ['electron/cli/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import fs from 'node:fs';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(1);
  });

  it.each([
    ['renderer/src/x.ts', "import { createApi } from '../../shared/contract/api';"],
    ['renderer/src/features/issues/x.ts', "import type { Api } from '../../../../shared/contract/api';"],
    ['renderer/src/stores/x.store.ts', "import { api } from '../api';"],
    ['electron/core/x.ts', "import fs from 'node:fs';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(0);
  });
});
