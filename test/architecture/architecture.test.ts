import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderCycles, importViolations, parseArchitecture, sizeReport, sqlViolations } from './rules.js';
import { folderOf, scanTree } from './scan.js';

const root = join(import.meta.dirname, '..', '..');
const arch = parseArchitecture(readFileSync(join(root, 'docs', 'ARCHITECTURE.md'), 'utf8'));
const files = scanTree(join(root, 'src'));

describe('the layout docs/ARCHITECTURE.md describes', () => {
  it('has every folder of src/ in its table, and nothing in the table that is not there', () => {
    const inSrc = new Set(files.map((f) => folderOf(f.path)));
    expect([...arch.allowed.keys()].sort()).toEqual([...inSrc].sort());
  });

  it('holds: no folder imports one its row does not list', () => {
    expect(importViolations(files, arch)).toEqual([]);
  });

  it('holds: the folders import each other without a cycle', () => {
    expect(folderCycles(files)).toEqual([]);
  });

  it('holds: SQL only in the owners of the tables it names', () => {
    expect(sqlViolations(files, arch)).toEqual([]);
  });

  it('holds: no file over 300 lines, no line over 140 characters, median file length at most 100', () => {
    const { violations, median } = sizeReport(files);
    console.log(`src/: ${files.length} files, median ${median} lines`);
    expect(violations).toEqual([]);
    expect(median).toBeLessThanOrEqual(100);
  });
});
