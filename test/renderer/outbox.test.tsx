import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { simpleParser } from 'mailparser';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { OUTBOX_POLL_MS } from '../../renderer/src/features/outbox/useOutboxPolling';
import { sendDue } from '../../electron/core/services/outbox.service';
import { claimOutbox } from '../../electron/core/db/repos/outbox.repo';
import type { OutboxItem } from '../../shared/contract/mail.contract';
import type { Language } from '../../shared/contract/schemas';
import { tempDir } from '../helpers/temp-core';
import { closedPort, quickTransport, startSmtpServer, writeTestPackage, type TestSmtpServer } from '../helpers/mail-fixtures';
import { handler, startCore, testCore } from './test-core';
import { change, value } from './calendar-helpers';
import { renderWithI18n } from './render';
import { withNodeUint8Array } from './node-bytes';

// Issue 11, part 3: the E-mail screen. A real package (signed, every hash right) goes to the
// real core's outbox; a real SMTP server on 127.0.0.1 receives it when the test drives the
// core's sendDue, as the outbox runner does in the app; the screen, polling, shows what became of it.
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

withNodeUint8Array();

let dir: string;
const servers: TestSmtpServer[] = [];

beforeEach(async () => {
  await startCore({ setUp: true });
  dir = tempDir('esep-outbox-');
});
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function smtpServer(options: Parameters<typeof startSmtpServer>[0] = {}) {
  const server = await startSmtpServer(options);
  servers.push(server);
  return server;
}

/** STARTTLS to 127.0.0.1 with a login; the test server's certificate is its own, so it is accepted. */
async function configure(port: number) {
  await testCore().api.mail.saveSettings({
    host: '127.0.0.1',
    port,
    security: 'starttls',
    user: 'okrug',
    password: 'құпия-сөз',
    from: 'karaauyl@akimat.kz',
    defaultRecipient: 'abay@akimat.kz',
    acceptSelfSigned: true,
  });
}

/** What the outbox runner does in the app, on a clock the test chooses. */
const send = (at: Date) => sendDue(testCore().core, { createTransport: quickTransport, clock: { now: () => at } });

/** Today at a time of day: the screen gives an attempt later today as its time alone. */
function todayAt(hours: number, minutes: number): Date {
  const d = new Date();
  d.setHours(hours, minutes, 0, 0);
  return d;
}

/** The polling interval alone is faked, so the core's promises and the SMTP sockets run as they do. */
function fakePolling() {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval'] });
}
const nextPoll = () => act(async () => void vi.advanceTimersByTime(OUTBOX_POLL_MS));

async function openOutbox(language: Language = 'kk') {
  if (language !== 'kk') await testCore().api.settings.setLanguage({ language });
  renderWithI18n(<App />, language);
  fireEvent.click(await screen.findByTestId('nav-outbox'));
  await screen.findByTestId('outbox-send-form');
  return screen.getByTestId('outbox-screen');
}

async function queueThroughScreen(file: string): Promise<OutboxItem> {
  change('outbox-path', file);
  fireEvent.click(screen.getByTestId('outbox-queue'));
  await waitFor(() => expect(handler('mail:queue')).toHaveBeenCalledTimes(1));
  const item = (await handler('mail:queue').mock.results[0]!.value) as OutboxItem;
  // The form's word comes after the list read again (either may show first).
  await waitFor(() => expect(screen.getByTestId('outbox-send-status').textContent).not.toBe(''));
  await screen.findByTestId(`outbox-item-${item.id}`);
  return item;
}

const row = (item: OutboxItem) => within(screen.getByTestId(`outbox-item-${item.id}`));
const statusOf = (item: OutboxItem) => screen.getByTestId(`outbox-status-${item.id}`).textContent;

/** Saving goes through a Blob URL, which jsdom does not have. */
function catchDownloads() {
  const createObjectURL = vi.fn((_: Blob) => 'blob:eml');
  Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
  return createObjectURL;
}

describe('the E-mail screen', () => {
  it('queues a real package to the default recipient, and shows it sent once the server took it', async () => {
    const smtp = await smtpServer();
    await configure(smtp.port);
    fakePolling();
    const file = await writeTestPackage(dir);
    const screenEl = await openOutbox();
    expect(within(screenEl).getByRole('heading', { level: 1 }).textContent).toBe('Электрондық пошта');
    expect(screen.getByTestId('nav-outbox').textContent).toBe('Электрондық пошта');
    expect(screen.queryByTestId('outbox-not-configured')).toBeNull();
    expect(screen.getByLabelText('Пакет файлы')).toBe(screen.getByTestId('outbox-path'));
    expect(value('outbox-to')).toBe('abay@akimat.kz');
    expect(await screen.findByTestId('outbox-empty')).toBeTruthy();

    const item = await queueThroughScreen(file);
    expect(handler('mail:queue')).toHaveBeenCalledWith({ path: file, to: 'abay@akimat.kz' });
    expect(screen.getByTestId('outbox-send-status').textContent).toBe('abay@akimat.kz мекенжайына esep-103230000-0001.esep файлы бар хат шығыс хаттарға қойылды.');
    expect(statusOf(item)).toBe('Кезекте');
    expect(row(item).getByTestId(`outbox-next-${item.id}`).textContent).toBe('Байланыс болған бойда жіберіледі.');
    expect(row(item).getByText('abay@akimat.kz')).toBeTruthy();
    expect(row(item).getByTestId(`outbox-file-${item.id}`).textContent).toBe('esep-103230000-0001.esep');
    expect(row(item).getByTestId(`outbox-size-${item.id}`).textContent).toBe('0,3 МБ');
    expect(row(item).getByTestId(`outbox-created-${item.id}`).textContent).toBe('2025 жылғы 10 шілде, 12:00 құрылды');
    expect(row(item).getByRole('button', { name: 'abay@akimat.kz мекенжайына esep-103230000-0001.esep файлы бар хатты қайта жіберу' })).toBeTruthy();
    expect(row(item).getByTestId(`outbox-cancel-${item.id}`)).toBeTruthy();

    expect(await send(new Date(2025, 6, 10, 14, 5))).toMatchObject({ sent: 1 });
    await nextPoll();
    await waitFor(() => expect(statusOf(item)).toBe('Жіберілді'));
    expect(row(item).getByTestId(`outbox-sent-at-${item.id}`).textContent).toBe('2025 жылғы 10 шілде, 14:05 жіберілді');
    expect(row(item).getByTestId(`outbox-response-${item.id}`).textContent).toMatch(/^Сервердің жауабы: 250 .*Queued as TEST123/);
    // Sent: nothing left to retry or cancel.
    expect(row(item).queryByRole('button')).toBeNull();

    const parsed = await simpleParser(smtp.received[0]!.raw);
    expect(parsed.to).toMatchObject({ text: 'abay@akimat.kz' });
    expect(sha256(parsed.attachments[0]!.content)).toBe(sha256(fs.readFileSync(file)));
  });

  it('says why a message is waiting or failed, and Retry and Cancel do what they say', async () => {
    const port = await closedPort();
    await configure(port);
    fakePolling();
    await openOutbox();
    const waiting = await queueThroughScreen(await writeTestPackage(dir));

    // The server is down: queued again, with the next attempt a minute on.
    expect(await send(todayAt(14, 5))).toMatchObject({ retrying: 1 });
    await nextPoll();
    await waitFor(() => expect(row(waiting).getByTestId(`outbox-next-${waiting.id}`).textContent).toBe('Келесі әрекет: 14:06'));
    expect(statusOf(waiting)).toBe('Кезекте');
    expect(row(waiting).getByText('1 рет әрекет жасалды')).toBeTruthy();
    expect(row(waiting).getByTestId(`outbox-reason-${waiting.id}`).textContent).toMatch(
      new RegExp(`^Соңғы әрекет сәтсіз аяқталды: 127\\.0\\.0\\.1:${port} пошта серверіне қосылу мүмкін болмады \\(.*ECONNREFUSED.*\\)\\. Хат шығыс хаттарда қалады`),
    );

    // Up, but it refuses the recipient for good.
    const smtp = await smtpServer({
      port,
      onRcptTo(address, _session, callback) {
        if (address.address === 'abay@akimat.kz') return callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
        callback();
      },
    });
    expect(await send(todayAt(14, 6))).toMatchObject({ failed: 1 });
    await nextPoll();
    await waitFor(() => expect(statusOf(waiting)).toBe('Жіберілмеді'));
    expect(row(waiting).getByText('2 рет әрекет жасалды')).toBeTruthy();
    expect(row(waiting).getByTestId(`outbox-reason-${waiting.id}`).textContent).toMatch(/^Себебі: 127\.0\.0\.1 пошта сервері хатты қабылдамады \(550 .*No such user here\)/);
    expect(row(waiting).getByText('Esep енді өздігінен қайталамайды: себебін жойып, «Қайта жіберу» батырмасын басыңыз.')).toBeTruthy();

    // Retry: queued at once, its attempts counted afresh.
    fireEvent.click(row(waiting).getByTestId(`outbox-retry-${waiting.id}`));
    await waitFor(() => expect(screen.getByTestId('outbox-notice').textContent).toBe('abay@akimat.kz мекенжайына esep-103230000-0001.esep файлы бар хат қазір жіберіледі.'));
    expect(handler('mail:retry')).toHaveBeenCalledWith({ id: waiting.id });
    expect(statusOf(waiting)).toBe('Кезекте');
    expect(row(waiting).getByTestId(`outbox-next-${waiting.id}`).textContent).toBe('Байланыс болған бойда жіберіледі.');
    expect(row(waiting).queryByText(/әрекет жасалды/)).toBeNull();

    // Cancel asks first; "keep" keeps it.
    fireEvent.click(row(waiting).getByTestId(`outbox-cancel-${waiting.id}`));
    expect(row(waiting).getByRole('group', { name: 'Бұл хатты шығыс хаттардан алып тастау керек пе?' })).toBeTruthy();
    fireEvent.click(row(waiting).getByTestId(`outbox-cancel-no-${waiting.id}`));
    expect(handler('mail:cancel')).not.toHaveBeenCalled();
    fireEvent.click(row(waiting).getByTestId(`outbox-cancel-${waiting.id}`));
    fireEvent.click(row(waiting).getByTestId(`outbox-cancel-yes-${waiting.id}`));
    await waitFor(() => expect(screen.getByTestId('outbox-notice').textContent).toBe('abay@akimat.kz мекенжайына esep-103230000-0001.esep файлы бар хат шығыс хаттардан алып тасталды.'));
    expect(handler('mail:cancel')).toHaveBeenCalledWith({ id: waiting.id });
    expect(screen.queryByTestId(`outbox-item-${waiting.id}`)).toBeNull();
    expect(await testCore().api.mail.outbox({})).toEqual([]);
    expect(smtp.received).toEqual([]);
  });

  it('a message the runner took meanwhile cannot be cancelled: the core says so, and the list shows it as it is', async () => {
    const smtp = await smtpServer();
    await configure(smtp.port);
    await openOutbox();
    const item = await queueThroughScreen(await writeTestPackage(dir));
    await send(new Date(2025, 6, 10, 14, 5));
    fireEvent.click(row(item).getByTestId(`outbox-cancel-${item.id}`));
    fireEvent.click(row(item).getByTestId(`outbox-cancel-yes-${item.id}`));
    expect((await screen.findByTestId('outbox-error')).textContent).toBe('Бұл хат жіберілуде немесе жіберіліп қойған: оны енді болдырмау мүмкін емес.');
    await waitFor(() => expect(statusOf(item)).toBe('Жіберілді'));
  });

  it('a message being handed to the server shows as being sent, with nothing to retry or cancel', async () => {
    await configure(await closedPort());
    fakePolling();
    await openOutbox();
    const item = await queueThroughScreen(await writeTestPackage(dir));
    // The runner has taken it (as sendDue does before it connects).
    expect(claimOutbox(testCore().core.ctx.db, item.id)).toBe(true);
    await nextPoll();
    await waitFor(() => expect(statusOf(item)).toBe('Жіберілуде'));
    expect(row(item).getByText('Хат қазір пошта серверіне берілуде…')).toBeTruthy();
    expect(row(item).queryByRole('button')).toBeNull();
  });

  it('reads in Russian, counting attempts as Russian does', async () => {
    await configure(await closedPort());
    fakePolling();
    await openOutbox('ru');
    const item = await queueThroughScreen(await writeTestPackage(dir));
    expect(statusOf(item)).toBe('В очереди');
    expect(row(item).getByTestId(`outbox-created-${item.id}`).textContent).toBe('создано 10 июля 2025 г., 12:00');
    await send(todayAt(9, 30));
    await nextPoll();
    await waitFor(() => expect(row(item).getByTestId(`outbox-next-${item.id}`).textContent).toBe('Следующая попытка в 09:31'));
    expect(row(item).getByText('Сделана 1 попытка')).toBeTruthy();
    await send(todayAt(9, 31));
    await nextPoll();
    await waitFor(() => expect(row(item).getByText('Сделано 2 попытки')).toBeTruthy());
    expect(row(item).getByTestId(`outbox-reason-${item.id}`).textContent).toMatch(/^Последняя попытка не удалась: Не удалось связаться с почтовым сервером 127\.0\.0\.1:/);
    expect(row(item).getByTestId(`outbox-retry-${item.id}`).textContent).toBe('Отправить снова');
    expect(row(item).getByTestId(`outbox-cancel-${item.id}`).textContent).toBe('Отменить отправку');
  });

  it('shows a refused path or address by its field, and a package it cannot read in words', async () => {
    await configure(await closedPort());
    await openOutbox();
    change('outbox-to', 'abay-at-akimat');
    fireEvent.click(screen.getByTestId('outbox-queue'));
    await screen.findByTestId('outbox-error-path');
    expect(screen.getByTestId('outbox-error-path').textContent).toBe('Пакет файлының толық жолын енгізіңіз.');
    expect(screen.getByTestId('outbox-error-to').textContent).toBe('Электрондық пошта мекенжайын енгізіңіз, мысалы district@akimat.kz.');
    expect(screen.getByTestId('outbox-path').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('outbox-path').getAttribute('aria-describedby')).toContain(screen.getByTestId('outbox-error-path').id);
    expect(screen.getByTestId('outbox-send-error').textContent).toBe('Енгізілген деректерді тексеріңіз: Пакет файлы, Алушы.');
    expect(document.activeElement).toBe(screen.getByTestId('outbox-path'));

    const missing = `${dir}/esep-103230000-0009.zip`;
    change('outbox-path', missing);
    change('outbox-to', 'abay@akimat.kz');
    fireEvent.click(screen.getByTestId('outbox-queue'));
    await waitFor(() => expect(screen.queryByTestId('outbox-error-path')).toBeNull());
    await waitFor(() =>
      expect(screen.getByTestId('outbox-send-error').textContent).toBe(
        `${missing} файлын оқу мүмкін болмады: флешканың қосулы екенін және файлдың орнында екенін тексеріңіз. Деректер өзгерген жоқ.`,
      ),
    );
    expect(await testCore().api.mail.outbox({})).toEqual([]);
  });
});

describe('without SMTP settings', () => {
  it('says so, offers Settings, keeps queueing off, and still saves the package as an .eml to send by hand', async () => {
    const downloads = catchDownloads();
    const file = await writeTestPackage(dir);
    await openOutbox();
    expect(screen.getByTestId('outbox-not-configured').textContent).toContain('Электрондық пошта бапталмаған, сондықтан Esep хатты өзі жібере алмайды.');
    // Nothing to send with: no queueing offered, .eml is the way.
    expect(screen.queryByTestId('outbox-queue')).toBeNull();
    expect(screen.getByTestId('outbox-eml').className).toContain('button--primary');
    expect(value('outbox-to')).toBe('');

    change('outbox-path', file);
    change('outbox-to', 'abay@akimat.kz');
    fireEvent.click(screen.getByTestId('outbox-eml'));
    await waitFor(() => expect(downloads).toHaveBeenCalledTimes(1));
    expect(handler('mail:eml')).toHaveBeenCalledWith({ path: file, to: 'abay@akimat.kz' });
    expect(handler('mail:queue')).not.toHaveBeenCalled();
    expect(screen.getByTestId('outbox-send-status').textContent).toBe('Файл сақталды: esep-103230000-0001.eml. Оны пошта бағдарламасында ашып, жіберіңіз.');
    const blob = downloads.mock.calls[0]![0];
    expect(blob.type).toBe('message/rfc822');
    const parsed = await simpleParser(Buffer.from(await blob.arrayBuffer()));
    expect(parsed.to).toMatchObject({ text: 'abay@akimat.kz' });
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['esep-103230000-0001.esep']);
    expect(sha256(parsed.attachments[0]!.content)).toBe(sha256(fs.readFileSync(file)));

    // "Set up e-mail" opens Settings on the e-mail section, the cursor in its first field.
    fireEvent.click(screen.getByTestId('outbox-set-up'));
    await screen.findByTestId('mail-settings-form');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('mail-host')));
  });
});

describe('polling the outbox', () => {
  it('reads it every few seconds while the screen is open, and stops when the screen goes', async () => {
    fakePolling();
    await openOutbox();
    await screen.findByTestId('outbox-empty');
    const asked = () => handler('mail:outbox').mock.calls.length;
    const first = asked();
    expect(first).toBe(1);
    await nextPoll();
    await waitFor(() => expect(asked()).toBe(2));
    await nextPoll();
    await waitFor(() => expect(asked()).toBe(3));

    fireEvent.click(screen.getByTestId('nav-calendar'));
    await screen.findByTestId('obligations-grid');
    expect(screen.queryByTestId('outbox-screen')).toBeNull();
    for (let i = 0; i < 5; i++) await nextPoll();
    expect(asked()).toBe(3);
  });
});
