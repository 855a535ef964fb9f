import { renderTable } from './table';

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
