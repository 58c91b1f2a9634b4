import type { Core } from '../../electron/core/core';
import type { ExportedPackage, ImportPreview } from '../../shared/contract/exchange.contract';
import { openTempCore, tempDir } from '../helpers/temp-core';
import { caller, planInput } from './meeting-fixtures';
import { issueFields } from './issue-fixtures';

/** Three rural okrugs of the Abai district, each its own installation in the round trip. */
export const OKRUGS = ['103230000', '103233000', '103235000'] as const;

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; details?: Record<string, unknown> } };

export interface Installation {
  core: Core;
  dataDir: string;
  call: ReturnType<typeof caller>['call'];
  value: ReturnType<typeof caller>['value'];
  /** An async channel's envelope. */
  request<T>(channel: string, input: unknown): Promise<Envelope<T>>;
  exportTo(dir: string, period?: { start: string; end: string }, attachments?: boolean): Promise<ExportedPackage>;
  preview(file: string): Promise<Envelope<ImportPreview>>;
  importFile(file: string, trust?: string[]): Promise<Envelope<ImportPreview>>;
  installationId: string;
}

/** A new installation for a unit, set up as the first-run wizard does (with its key pair). */
export function installation(rootKato: string, today = '2025-07-15'): Installation {
  const dataDir = tempDir('esep-exchange-');
  const core = openTempCore({ dataDir, today });
  const { call, value } = caller(core);
  value('setup:complete', { rootKato, language: 'kk' });
  const request = async <T>(channel: string, input: unknown) => (await call(channel, input)) as Envelope<T>;
  return {
    core,
    dataDir,
    call,
    value,
    request,
    installationId: core.ctx.installationId,
    exportTo: async (dir, period = { start: '2025-01-01', end: '2025-12-31' }, attachments = false) => {
      const result = await request<ExportedPackage>('exchange:export', { period, dir, language: 'kk', attachments });
      if (!result.ok) throw new Error(`exchange:export: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    preview: (file) => request<ImportPreview>('exchange:preview', { source: { path: file } }),
    importFile: (file, trust = []) => request<ImportPreview>('exchange:import', { source: { path: file }, trust }),
  };
}

/** A held meeting of the unit with `issues` issues raised at it (and, for an okrug, its next one planned). */
export function recordWork(inst: Installation, unitKato: string, issues: number, heldOn = '2025-07-10', planNext = true): { meetingId: string; issueIds: string[] } {
  const meeting = inst.value('meetings:recordHeld', { unitKato, heldOn });
  const issueIds: string[] = [];
  for (let i = 0; i < issues; i++) {
    const issue = inst.value('issues:create', { unitKato, meetingId: meeting.id, raisedOn: heldOn, fields: issueFields({ text: `Мәселе ${unitKato} № ${i + 1}` }), author: { fullName: 'Ахметов Серік', phone: '+7 701 000 00 00', address: '' } });
    issueIds.push(issue.id);
  }
  // An okrug's next quarterly meeting, planned in its window.
  if (planNext) inst.value('meetings:plan', planInput(unitKato, '2025-10-02', '2025-M10'));
  return { meetingId: meeting.id, issueIds };
}

export function outDir(): string {
  return tempDir('esep-stick-');
}
