/**
 * The process the crash harness (crash-harness.ts) kills: it opens a core on a data folder and
 * runs a seeded random mix of writes, imports and backups until it is killed. Before each
 * operation it prints `begin <phase> <op>`, and only after the service call has returned
 * `ok <op> <json>`; both with a synchronous write to stdout (a pipe), so every line printed
 * before the kill reaches the parent and an `ok` means the commit was acknowledged.
 * Run: node --import tsx test/helpers/crash-child.ts <config.json>
 */
import fs from 'node:fs';
import { openCore } from '../../electron/core/core';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { backupInto } from '../../electron/core/db/backup';
import { createIssue, setIssueStatus } from '../../electron/core/services/issues.service';
import { saveMinutes } from '../../electron/core/services/minutes.service';
import { planMeeting, recordHeld } from '../../electron/core/services/meetings.service';
import { commitImport, previewImport } from '../../electron/core/services/issues-import.service';
import { applyPackage } from '../../electron/core/services/exchange-import.service';
import { addAttachment } from '../../electron/core/services/attachments.service';
import { EsepError } from '../../shared/errors';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import { emptyPlan } from '../../shared/contract/meeting-defaults';
import { samplePdf } from './sample-files';
import { crashClock, mulberry32, type ChildConfig, type Phase } from './crash-protocol';

const config = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as ChildConfig;
const random = mulberry32(config.seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const nap = new Int32Array(new SharedArrayBuffer(4));
/**
 * One line to the parent, whole: a line is shorter than PIPE_BUF, so the pipe takes all of it
 * or, full while the parent is busy, none (EAGAIN), and then the child waits a moment and tries again.
 */
function print(line: string): void {
  for (;;) {
    try {
      fs.writeSync(1, `${line}\n`);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(nap, 0, 0, 1);
    }
  }
}
let begun = 0;
/** The acknowledgement, with how long the operation took (so the kill windows can be checked against it). */
const ack = (name: string, data: Record<string, unknown>) => print(`ok ${name} ${JSON.stringify({ ...data, ms: Math.round(performance.now() - begun) })}`);

const core = openCore({ paths: corePaths(config.dataDir, SOURCE_RESOURCES_DIR), clock: crashClock(config.today), actor: 'crash' });
const { ctx } = core;

/**
 * A service's answer, or null when it refused for a reason of the data (a date it does not
 * take): not a crash matter. Anything else ends the child, and the harness reports it.
 */
async function call<T>(name: string, service: () => T | Promise<T>): Promise<T | null> {
  try {
    return await service();
  } catch (error) {
    if (!(error instanceof EsepError) || error.code.startsWith('db_')) throw error;
    print(`refused ${name} ${error.code}`);
    return null;
  }
}

interface Revised {
  id: string;
  revision: number;
}
const issues: Revised[] = [];
const minutes = { ...config.minutes };
const xlsxLeft = config.xlsx.map((_, n) => n);
const packagesLeft = config.packages.map((_, n) => n);
let serial = 0;

const day = (from: string, days: number) => new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const operations: Record<string, { phase: Phase; weight: number; run: () => Promise<void> }> = {
  createIssue: {
    phase: 'write',
    weight: 4,
    run: async () => {
      const issue = await call('createIssue', () =>
        createIssue(ctx, { unitKato: config.unitKato, meetingId: config.meetingId, raisedOn: config.heldOn, fields: blankIssueFields(`Crash issue ${config.seed}-${++serial}`), author: null }),
      );
      if (!issue) return;
      issues.push({ id: issue.id, revision: issue.revision });
      ack('createIssue', { id: issue.id, revision: issue.revision });
    },
  },
  setIssueStatus: {
    phase: 'write',
    weight: 3,
    run: async () => {
      if (issues.length === 0) return;
      const chosen = [...new Set([pick(issues), pick(issues)])];
      const changed = await call('setIssueStatus', () =>
        setIssueStatus(ctx, {
          items: chosen.map(({ id, revision }) => ({ id, revision })),
          change: { statusId: pick(['new', 'in_progress']), onDate: config.today, comment: `crash ${serial++}`, documentRef: '', outcome: null },
        }),
      );
      if (!changed) return;
      for (const c of changed) issues.find((i) => i.id === c.id)!.revision = c.revision;
      ack('setIssueStatus', { items: changed.map(({ id, revision }) => ({ id, revision })) });
    },
  },
  saveMinutes: {
    phase: 'write',
    weight: 3,
    run: async () => {
      const chair = `Chair ${config.seed}-${++serial}`;
      const body = { number: String(serial), date: config.heldOn, place: 'Қараауыл', chair, secretary: 'Secretary', presentCount: serial, presentList: '', invited: '', items: [] };
      const saved = await call('saveMinutes', () => saveMinutes(ctx, { minutesId: minutes.id, revision: minutes.revision, body }));
      if (!saved) return;
      minutes.revision = saved.revision;
      ack('saveMinutes', { id: saved.id, revision: saved.revision, chair });
    },
  },
  addAttachment: {
    phase: 'write',
    weight: 1,
    run: async () => {
      // Bytes of its own each time, so each one is a new file in the store beside its new row.
      const data = samplePdf(`crash ${config.seed}-${++serial}`).toString('base64');
      const attachment = await call('addAttachment', () => addAttachment(ctx, core.paths.dataDir, { meetingId: config.meetingId, fileName: `scan-${serial}.pdf`, kind: 'minutes_scan', dataBase64: data }));
      if (attachment) ack('addAttachment', { id: attachment.id });
    },
  },
  planMeeting: {
    phase: 'write',
    weight: 1,
    run: async () => {
      const plannedOn = day(config.today, 1 + Math.floor(random() * 150));
      const meeting = await call('planMeeting', () => planMeeting(ctx, { unitKato: config.unitKato, ...emptyPlan(plannedOn, null), outsideWindowReason: 'Crash harness' }));
      if (meeting) ack('planMeeting', { id: meeting.id });
    },
  },
  recordHeld: {
    phase: 'write',
    weight: 1,
    run: async () => {
      const heldOn = day('2025-01-01', Math.floor(random() * 180));
      const meeting = await call('recordHeld', () => recordHeld(ctx, { unitKato: config.unitKato, heldOn }));
      if (meeting) ack('recordHeld', { id: meeting.id });
    },
  },
  importXlsx: {
    phase: 'xlsx',
    weight: 1,
    run: async () => {
      const n = xlsxLeft.splice(Math.floor(random() * xlsxLeft.length), 1)[0]!;
      const { file, fileName } = config.xlsx[n]!;
      const source = { fileName, dataBase64: fs.readFileSync(file).toString('base64') };
      // As the import screen does: the preview suggests the mapping, the commit takes it.
      const preview = await call('previewImport', () => previewImport(ctx, { source }));
      if (!preview) return;
      // The transaction itself, for a kill aimed at it.
      print('begin xlsx commitImport');
      const report = await call('commitImport', () => commitImport(ctx, { source, mapping: preview.suggested, unitKato: config.unitKato, onlyValid: false }));
      if (report) ack('importXlsx', { n });
    },
  },
  importPackage: {
    phase: 'package',
    weight: 1,
    run: async () => {
      const n = packagesLeft.splice(Math.floor(random() * packagesLeft.length), 1)[0]!;
      const applied = await call('applyPackage', () => applyPackage(core, { path: config.packages[n]!.file }, config.trust));
      if (applied) ack('importPackage', { n });
    },
  },
  backup: {
    phase: 'backup',
    weight: 2,
    run: async () => {
      const info = await backupInto(ctx.db, core.paths.backupDir, 'manual', ctx.clock.now());
      ack('backup', { file: info.file });
    },
  },
};

/** The operations that can still run, each as often as its weight says. */
function nextOperation(): string {
  const names = Object.keys(operations).filter(
    (name) => (config.only === undefined || operations[name]!.phase === config.only) && (name !== 'importXlsx' || xlsxLeft.length > 0) && (name !== 'importPackage' || packagesLeft.length > 0),
  );
  return pick(names.flatMap((name) => Array<string>(operations[name]!.weight).fill(name)));
}

print('ready');
// Killed with its parent's death in mind too: a harness that dies must not leave this loop running.
const parent = process.ppid;
while (process.ppid === parent) {
  const name = nextOperation();
  const op = operations[name]!;
  print(`begin ${op.phase} ${name}`);
  begun = performance.now();
  await op.run();
}
