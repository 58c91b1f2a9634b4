import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../electron/core/files/atomic-write';
import { tempDir } from '../helpers/temp-core';

describe('writeFileAtomically', () => {
  it('replaces a file whole and leaves nothing else in its folder', () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, 'old');
    writeFileAtomically(file, Buffer.from('new'));
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
  });

  it('creates the file with the mode asked for, replacing a file others could read', () => {
    const dir = tempDir();
    const file = path.join(dir, 'secret.key');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    writeFileAtomically(file, 'new', { mode: 0o600 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });

  it('a rename that fails leaves what was there and no temp file', () => {
    const dir = tempDir();
    // A folder in the way (with something in it) cannot be renamed over.
    const target = path.join(dir, 'report.json');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'kept');
    expect(() => writeFileAtomically(target, 'new')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
    expect(fs.readFileSync(path.join(target, 'inside'), 'utf8')).toBe('kept');
  });

  it('a folder that does not exist is an error, not created', () => {
    const dir = tempDir();
    expect(() => writeFileAtomically(path.join(dir, 'missing', 'report.json'), 'x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
