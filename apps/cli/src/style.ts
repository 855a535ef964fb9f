/** ANSI styling that switches itself off when it would only add noise. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

/**
 * Colour only on a TTY and only when `NO_COLOR` is unset or empty (https://no-color.org).
 * @example const style = createStyle(process.stdout); console.log(style.green('ok'));
 */
export function createStyle(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  const enabled = stream.isTTY === true && !env['NO_COLOR'];
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39) };
}
