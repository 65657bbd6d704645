import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from './csv.js';

describe('spreadsheetSafe', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('neutralises %j with a leading quote', (cell) => {
    expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
  });

  it.each(['A.2.2', 'POL-001 (current)', '', ' =1', "'already quoted", 'Risk -1 tier'])('leaves %j as it is', (cell) => {
    expect(spreadsheetSafe(cell)).toBe(cell);
  });
});
