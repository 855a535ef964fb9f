import { renderTable } from './render-table';

describe('renderTable', () => {
  it('pads columns to the widest cell and right-aligns numbers', () => {
    const table = renderTable(
      [{ header: 'strategy' }, { header: 'ms', align: 'right' }],
      [
        ['native-async', '104'],
        ['blocking-sync', '2071'],
      ],
    );
    expect(table.split('\n')).toEqual(['strategy         ms', '-------------  ----', 'native-async    104', 'blocking-sync  2071']);
  });
});

describe('renderTable style', () => {
  it('draws the rule with the given character', () => {
    expect(renderTable([{ header: 'ab' }], [['x']], { rule: '─' }).split('\n')[1]).toBe('──');
  });
});
