import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Id, RequiredText, Revision, Text, UntrimmedText } from '../../../shared/contract/schemas';
import { contract } from '../../../shared/contract/contract';

describe('the contract primitives', () => {
  it('Text trims, then counts the characters left', () => {
    expect(Text(3).parse('  abc \n')).toBe('abc');
    expect(Text(3).parse('   ')).toBe('');
    expect(Text(3).safeParse('abcd').success).toBe(false);
  });

  it('RequiredText refuses what is blank once trimmed', () => {
    expect(RequiredText(10).parse(' Иванов ')).toBe('Иванов');
    expect(RequiredText(10).safeParse(' \t\n ').success).toBe(false);
    expect(RequiredText(10).safeParse('').success).toBe(false);
  });

  it('UntrimmedText keeps the spaces and line breaks as typed', () => {
    expect(UntrimmedText(20).parse(' Әкім баяндады \n')).toBe(' Әкім баяндады \n');
    expect(UntrimmedText(2).safeParse('   ').success).toBe(false);
  });

  it('Id is a uuid and Revision a positive integer', () => {
    const id = randomUUID();
    expect(Id.parse(id)).toBe(id);
    expect(Id.safeParse('103200000').success).toBe(false);
    expect(Revision.parse(1)).toBe(1);
    for (const bad of [0, -1, 1.5]) expect(Revision.safeParse(bad).success).toBe(false);
  });
});

describe('the contract uses them where they belong', () => {
  const id = randomUUID();
  const body = { number: '3 ', date: null, place: '', chair: 'Серікбаев ', secretary: '', presentCount: null, presentList: 'Ахметов Б.\n', invited: '', items: [] };

  it('an autosaved minutes body arrives as typed, trailing space and line break included', () => {
    expect(contract['minutes:save'].input.parse({ minutesId: id, revision: 2, body }).body).toEqual(body);
  });

  it('a form field arrives trimmed, and a required reason may not be blank', () => {
    expect(contract['meetings:cancel'].input.parse({ id, revision: 1, reason: ' Су тасқыны ' }).reason).toBe('Су тасқыны');
    expect(contract['meetings:cancel'].input.safeParse({ id, revision: 1, reason: '  ' }).success).toBe(false);
    expect(contract['minutes:amend'].input.safeParse({ minutesId: id, revision: 1, reason: '\n', body }).success).toBe(false);
  });
});
