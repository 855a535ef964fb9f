// Generated files must pass `nx lint` as written: prettier (singleQuote, printWidth 140) and max-len 140.
// The templates are formatted already; these helpers lay out the one free-text value, the description,
// the way prettier would, wrapping it where prettier cannot.
const MAX_LINE = 140;

/**
 * The description as the lines of a TSDoc comment at column 0 (` * …`), wrapped at word boundaries so no line
 * is longer than the lint limit.
 * @example descriptionDocLines('My transport.') // ' * My transport.'
 */
export function descriptionDocLines(description: string): string {
  return wrapWords(description, MAX_LINE - ' * '.length)
    .map((line) => ` * ${line.trimEnd()}`)
    .join('\n');
}

/**
 * The `description` property of the plugin definition (indented two spaces, with its comma), laid out as prettier
 * lays it out: on one line, else the value on the next line, else split into `+`-joined pieces, one a line.
 * @example descriptionProperty("It's fast.") // `  description: "It's fast.",`
 */
export function descriptionProperty(description: string): string {
  const oneLine = `  description: ${stringLiteral(description)},`;
  if (oneLine.length <= MAX_LINE) return oneLine;
  const indent = '    ';
  // Room for the indent, two quotes, a piece's trailing space and ` +`; escapes are made room for below.
  let width = MAX_LINE - indent.length - 5;
  let pieces = wrapWords(description, width).map(stringLiteral);
  while (pieces.some((piece) => indent.length + piece.length + 2 > MAX_LINE) && width > 20) {
    width -= 4;
    pieces = wrapWords(description, width).map(stringLiteral);
  }
  return `  description:\n${pieces.map((piece, i) => `${indent}${piece}${i === pieces.length - 1 ? ',' : ' +'}`).join('\n')}`;
}

/**
 * A JavaScript string literal for `text` in prettier's `singleQuote` style: single quotes unless the text holds
 * more single than double quotes, escaping only what must be escaped.
 */
export function stringLiteral(text: string): string {
  const quote = count(text, "'") > count(text, '"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .split(quote)
    .join(`\\${quote}`)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${quote}${escaped}${quote}`;
}

// Greedy word wrap that keeps each line's trailing space, so the lines joined give `text` back exactly.
// A single word longer than `width` gets a line of its own.
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.match(/\S+\s*|\s+/g) ?? ['']) {
    if (line !== '' && (line + word).trimEnd().length > width) {
      lines.push(line);
      line = '';
    }
    line += word;
  }
  lines.push(line);
  return lines;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
