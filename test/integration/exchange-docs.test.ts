import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_KINDS } from '../../shared/domain/exchange/record-kinds';
import { KIND_SPECS } from '../../electron/core/exchange/record-format';

describe('the package format as documented', () => {
  it('lists every record file the format has, and no other', () => {
    const doc = fs.readFileSync('docs/exchange-format.md', 'utf8');
    const listed = [...doc.matchAll(/^\s*\| `records\/([a-z_]+)\.jsonl` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual([...PACKAGE_KINDS]);
    expect(KIND_SPECS.map((s) => s.kind)).toEqual([...PACKAGE_KINDS]);
  });
});
