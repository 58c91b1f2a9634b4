import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Issue, IssueAuthor, IssueFields, IssueRow } from '../../shared/contract/issues.contract';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import type { IsoDate } from '../../shared/domain/dates';
import { createIssue, setIssueStatus } from '../../electron/core/services/issues.service';
import { legacyWorkbook, type LegacySheet } from '../helpers/legacy-xlsx';
import { testCore } from './test-core';

/** The scroller's height in jsdom (which lays nothing out): 600 px show 14 rows under the header. */
export const SCROLLER_HEIGHT = 600;

/**
 * jsdom gives every element a clientHeight of 0, so a virtualiser would render no rows at all.
 * The log's scroller gets a real height; everything else keeps jsdom's 0.
 */
export function withScrollerHeight(): void {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset['testid'] === 'issues-scroller' ? SCROLLER_HEIGHT : 0;
      },
    });
  });
  afterAll(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    if (original) Object.defineProperty(Element.prototype, 'clientHeight', original);
  });
}

/** The issue rows in the DOM (loaded ones; placeholders have no test id). */
export const issueRows = () => screen.queryAllByTestId(/^issue-row-\d+$/);

export const registryNos = () => issueRows().map((r) => Number(r.dataset['testid']!.replace('issue-row-', '')));

export function scroller(): HTMLElement {
  return screen.getByTestId('issues-scroller');
}

/** Scrolls the log the way a wheel or the scrollbar does (jsdom keeps scrollTop, a browser fires scroll). */
export function scrollLogTo(px: number): void {
  const el = scroller();
  el.scrollTop = px;
  fireEvent.scroll(el);
}

/** Goes to the log and waits for its first window of rows. */
export async function openLog(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByTestId('nav-issues'));
  await screen.findByTestId('issues-screen');
  await waitFor(() => expect(screen.getByTestId('issues-total').textContent).toMatch(/\d/));
  return scroller();
}

export const countOf = (id: string) => screen.getByTestId(`issues-count-${id}`).querySelector('.issue-count-value')!.textContent;

/* ---------------------------------------------------------------- seeding on the real core */

/** What a seeded issue may differ in from a blank question raised on `raisedOn`. */
export interface IssueSeed {
  raisedOn: IsoDate;
  text: string;
  fields?: Partial<IssueFields>;
  meetingId?: string | null;
  author?: IssueAuthor | null;
  /** A status to move it to after registration (dated the day it was raised). */
  statusId?: string;
}

/**
 * Issues registered through the real issue service (validation, registry numbers, history,
 * search index, audit), all in one transaction: one commit for the lot.
 */
export function seedIssues(count: number, unitKato: string, make: (n: number) => IssueSeed): Issue[] {
  const { ctx } = testCore().core;
  return ctx.db.transaction(() => {
    const made: Issue[] = [];
    for (let n = 1; n <= count; n++) {
      const s = make(n);
      let issue = createIssue(ctx, {
        unitKato,
        meetingId: s.meetingId ?? null,
        raisedOn: s.raisedOn,
        fields: { ...blankIssueFields(s.text), ...s.fields },
        author: s.author ?? null,
      });
      if (s.statusId !== undefined && s.statusId !== issue.statusId) {
        const change = { statusId: s.statusId, onDate: s.raisedOn, comment: '', documentRef: '', outcome: null };
        [issue] = setIssueStatus(ctx, { items: [{ id: issue.id, revision: issue.revision }], change }) as [Issue];
      }
      made.push(issue);
    }
    return made;
  })();
}

/** Every issue of the log, oldest first (read through the unspied api). */
export async function allIssues(): Promise<IssueRow[]> {
  const page = await testCore().api.issues.list({ filter: {}, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 500 });
  return page.rows;
}

/** The responsible bodies of a district akimat, made through the real api (the core seeds none). */
export async function seedBodies() {
  const { api } = testCore();
  const body = (nameKk: string, nameRu: string) => api.bodies.save({ nameKk, nameRu, archived: false });
  const person = (bodyId: string, fullName: string, positionKk: string) => api.bodies.savePerson({ bodyId, fullName, positionKk, positionRu: '', archived: false });
  const housing = await body('Тұрғын үй-коммуналдық шаруашылығы бөлімі', 'Отдел жилищно-коммунального хозяйства');
  const housingHead = await person(housing.id, 'Сейітов Нұрлан', 'бөлім басшысы');
  const roads = await body('Жолаушылар көлігі және автомобиль жолдары бөлімі', 'Отдел пассажирского транспорта и автомобильных дорог');
  const roadsHead = await person(roads.id, 'Омаров Ерлан', 'бөлім басшысы');
  const roadsSpecialist = await person(roads.id, 'Ахметова Айгүл', 'бас маман');
  const okrugOffice = await body('Қараауыл ауылдық округі әкімінің аппараты', 'Аппарат акима Карааульского сельского округа');
  return { housing, housingHead, roads, roadsHead, roadsSpecialist, okrugOffice };
}

/** A picked .xlsx file, built with exceljs as a legacy log would be (read by the real core). */
export async function xlsxFile(fileName: string, ...sheets: LegacySheet[]): Promise<File> {
  return new File([new Uint8Array(await legacyWorkbook(...sheets))], fileName, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
