import type { IssueFields } from './issues.contract';

/** The fields of an issue with only its text and kind: every optional field empty. */
export function blankIssueFields(text: string, kind: IssueFields['kind'] = 'question'): IssueFields {
  return {
    kind,
    receivedVia: 'oral',
    collective: false,
    text,
    categoryId: null,
    localityKato: null,
    answeredOnSpot: false,
    answer: '',
    bodyId: null,
    personId: null,
    deadline: null,
    onControl: false,
    controller: '',
    eotinishNo: '',
    repeatsId: null,
  };
}
