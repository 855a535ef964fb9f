import { describeUncloneable } from './describe-uncloneable.cjs';

describe('describeUncloneable', () => {
  it('passes everything structured clone accepts', () => {
    for (const value of [
      undefined,
      null,
      1,
      2n,
      'text',
      true,
      { a: [1, { b: new Date(0) }] },
      new Map([['k', new Set([1])]]),
      new Uint8Array(2),
      new Error('x'),
      new (class Point {
        x = 1;
      })(),
    ]) {
      expect(describeUncloneable(value)).toBeUndefined();
    }
  });

  it('names the value, or the path down to the part that fails', () => {
    expect(
      describeUncloneable(function format() {
        return '';
      }),
    ).toBe('a function named "format"');
    expect(describeUncloneable(Symbol('id'))).toBe('a symbol (Symbol(id))');
    expect(describeUncloneable(Promise.resolve(1))).toBe('a Promise');
    expect(describeUncloneable({ rows: [{ id: 1 }, { id: 2, load: () => 2 }] })).toBe(
      'an object whose .rows[1].load is a function named "load"',
    );
    expect(describeUncloneable([1, new WeakMap()])).toBe('an array whose [1] is a WeakMap');
    expect(describeUncloneable(new Map([['user-1', { 'on-save': Symbol('s') }]]))).toBe(
      'a Map whose .get("user-1")["on-save"] is a symbol (Symbol(s))',
    );
    expect(describeUncloneable(new Set([1, Promise.resolve()]))).toBe('a Set whose [set item 1] is a Promise');
  });

  it('reports a class instance whole rather than its insides', () => {
    class Connection {
      onClose = (): void => undefined;
    }
    expect(describeUncloneable({ connection: new Connection() })).toBe('an object whose .connection is a Connection');
  });

  it('does not let plain-looking data through that cannot clone', () => {
    const tagged = Object.assign([1, 2], { format: () => '' });
    const long = Array.from({ length: 10_000 }, (_, id) => ({ id }));
    const longWithFunction = long.map((row, index) => (index === 9_000 ? { ...row, load: () => 1 } : row));

    expect(describeUncloneable(tagged)).toBe('an array');
    expect(describeUncloneable({ view: new Proxy({}, {}) })).toBe('an object whose .view is an object');
    expect(describeUncloneable(long)).toBeUndefined();
    expect(describeUncloneable(longWithFunction)).toBe('an array whose [9000].load is a function named "load"');
  });

  it('copes with cycles', () => {
    const node: Record<string, unknown> = { id: 1 };
    node['self'] = node;
    expect(describeUncloneable(node)).toBeUndefined();
    node['next'] = () => node; // an element assignment gives the arrow no name
    expect(describeUncloneable(node)).toBe('an object whose .next is a function');
  });
});
