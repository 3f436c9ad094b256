import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('neutralises every cell a spreadsheet would read as a formula, and nothing else', () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-1+1', '@SUM(A1)', '\tTAB', '\rCR', '＝1+1'];
    const csv = toCsv(['value'], [...hostile.map((v) => [v]), ['Awa Diallo'], ['a-b=c'], [-3]]);
    const cells = csv.replace(/^\uFEFF/, '').split('\n').slice(1, -1);
    expect(cells).toEqual([
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
      `"'+SUM(1,2)"`,
      `'-1+1`,
      `'@SUM(A1)`,
      `'\tTAB`,
      `"'\rCR"`,
      `'＝1+1`,
      'Awa Diallo',
      'a-b=c',
      '-3',
    ]);
  });

  it('starts with a BOM and a header row', () => {
    expect(toCsv(['a', 'b'], [['1', 2]])).toBe('\uFEFFa,b\n1,2\n');
  });

  it('writes the spreadsheet dialect with semicolons and CRLF, quoting what would split a cell, formulas neutralised', () => {
    expect(toCsv(['a', 'b'], [['x;y', '=1+1'], ['l1\rl2', 2]], { dialect: 'spreadsheet' })).toBe('\uFEFFa;b\r\n"x;y";\'=1+1\r\n"l1\rl2";2\r\n');
  });
});
