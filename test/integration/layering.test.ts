import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function findings(ruleId: string, filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === ruleId).length;
}

const restrictedImports = (filePath: string, code: string) => findings('no-restricted-imports', filePath, code);

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
    ['electron/core/exchange/bag.ts', "import { safeStorage } from 'electron';"],
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
    ['renderer/src/features/issues/x.ts', "import type { Api } from '../../../../shared/contract/api';"],
    ['renderer/src/stores/x.store.ts', "import { api } from '../api';"],
    ['electron/core/x.ts', "import fs from 'node:fs';"],
    ['electron/core/demo/x.ts', "import { listRuleSets } from '../db/repos/rule-sets.repo';"],
    ['electron/cli/x.ts', "import { demoContract } from '../core/demo/demo.contract';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(0);
  });

  describe('a feature folder is private: from outside it, only its index', () => {
    const boundaryFindings = (file: string, code: string) => findings('esep/feature-boundaries', file, `${code}\nexport {};\n`);

    it.each([
      ['renderer/src/features/issues/x.ts', "import { ActionForm } from '../meetings/card/ActionForm';"],
      ['renderer/src/features/issues/plan/x.ts', "import { MinutesPanel } from '../../minutes/MinutesPanel';"],
      ['renderer/src/features/issues/x.ts', "export { MeetingCard } from '../meetings/card/MeetingCard';"],
      ['renderer/src/features/issues/x.ts', "export * from '../meetings/form/MeetingForm';"],
      ['renderer/src/features/issues/x.ts', "export const card = () => import('../meetings/card/MeetingCard');"],
      ['renderer/src/App.tsx', "import { IssuesScreen } from './features/issues/IssuesScreen';"],
      ['renderer/src/components/x.tsx', "import { ReminderBell } from '../features/reminders/ReminderBell';"],
      ['renderer/src/hooks/x.ts', "import { indent } from '../features/issues/select-choices';"],
    ])('%s may not: %s', async (file, code) => {
      expect(await boundaryFindings(file, code)).toBe(1);
    });

    it.each([
      ['renderer/src/features/issues/x.ts', "import { MeetingCard } from '../meetings';"],
      ['renderer/src/features/issues/x.ts', "import { MeetingCard } from '../meetings/index';"],
      ['renderer/src/features/meetings/x.ts', "import { ActionForm } from './card/ActionForm';"],
      ['renderer/src/features/meetings/card/x.ts', "import { MeetingForm } from '../form/MeetingForm';"],
      ['renderer/src/App.tsx', "import { IssuesScreen } from './features/issues';"],
      ['renderer/src/features/issues/x.ts', "import { ActionForm } from '../../components/ActionForm';"],
    ])('%s may: %s', async (file, code) => {
      expect(await boundaryFindings(file, code)).toBe(0);
    });

    it('leaves tests out: they reach into a feature to test its pieces', async () => {
      expect(await boundaryFindings('test/renderer/x.test.tsx', "import { fieldsOf } from '../../renderer/src/features/issues/plan/usePlan';")).toBe(0);
    });
  });
});
