import { descriptionDocLines, descriptionProperty, stringLiteral } from './description-source';

const words = (count: number): string => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

describe('description source', () => {
  it('quotes like prettier with singleQuote: single quotes unless the text holds more of them', () => {
    expect(stringLiteral('plain')).toBe("'plain'");
    expect(stringLiteral('on "carrier pigeons" *\\/ fast')).toBe(`'on "carrier pigeons" *\\\\/ fast'`);
    expect(stringLiteral("it's")).toBe(`"it's"`);
    expect(stringLiteral(`it's "fast"`)).toBe(`'it\\'s "fast"'`);
  });

  it('keeps a short description on one line and moves a longer value to the next', () => {
    expect(descriptionProperty('My transport.')).toBe("  description: 'My transport.',");
    const long = `${'x'.repeat(125)}.`;
    expect(descriptionProperty(long)).toBe(`  description:\n    '${long}',`);
  });

  it('splits a description too long for one line into pieces that join back to it, none over 140 characters', () => {
    const description = `It's "fast": ${words(120)}`;
    const property = descriptionProperty(description);
    const lines = property.split('\n');
    expect(lines[0]).toBe('  description:');
    expect(lines.every((line) => line.length <= 140)).toBe(true);
    const value = lines
      .slice(1)
      .map((line) => line.trim().replace(/( \+|,)$/, ''))
      .map((literal) => (literal.startsWith("'") ? literal.slice(1, -1).replace(/\\'/g, "'") : literal.slice(1, -1)))
      .join('');
    expect(value).toBe(description);
  });

  it('wraps the TSDoc lines at 140 characters', () => {
    const doc = descriptionDocLines(words(100));
    expect(doc.split('\n').length).toBeGreaterThan(1);
    expect(doc.split('\n').every((line) => line.startsWith(' * ') && line.length <= 140 && line === line.trimEnd())).toBe(true);
    expect(doc.replace(/\n \* /g, ' ').slice(3)).toBe(words(100));
  });
});
