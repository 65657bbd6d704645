import { describe, expect, it } from 'vitest';
import { applyFixes } from './apply.js';
import { offsetAt, sourceTextOf } from './source.js';

const fix = (start: number, end: number, text: string) => ({ file: 'a.md', range: [start, end] as [number, number], text });

describe('applyFixes', () => {
  it('applies fixes in order of position, whatever order they come in', () => {
    expect(applyFixes('version: 1.10\nowner: X\n', [fix(21, 22, 'Y'), fix(9, 13, '"1.10"')])).toEqual({ output: 'version: "1.10"\nowner: Y\n', applied: 2 });
  });

  it('applies the same fix proposed by several findings once', () => {
    expect(applyFixes('[A.1]', [fix(4, 4, ', A.2'), fix(4, 4, ', A.2')])).toEqual({ output: '[A.1, A.2]', applied: 1 });
  });

  it('leaves an overlapping or touching fix for the next pass', () => {
    expect(applyFixes('abcdef', [fix(1, 3, 'X'), fix(2, 4, 'Y'), fix(3, 3, 'Z')])).toEqual({ output: 'aXdef', applied: 1 });
  });
});

describe('sourceTextOf', () => {
  it('keeps line endings and sets the BOM aside: offsets count the text without it', () => {
    const source = sourceTextOf(Buffer.from('\uFEFFa\r\nbc\rd\n', 'utf8'));
    expect(source && { bom: source.bom, eol: source.eol, text: source.text }).toEqual({ bom: true, eol: '\r\n', text: 'a\r\nbc\rd\n' });
    expect(source && [offsetAt(source, 2, 1), offsetAt(source, 2, 3), offsetAt(source, 3, 1), offsetAt(source, 2, 4)]).toEqual([3, 5, 6, undefined]);
  });

  it('refuses bytes that are not UTF-8: a fix would lose them', () => {
    expect(sourceTextOf(Uint8Array.from([0x61, 0xff, 0x62]))).toBeUndefined();
  });
});
