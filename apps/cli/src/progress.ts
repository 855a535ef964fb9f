/** A single-line progress indicator; see {@link createProgress}. */
export interface Progress {
  /** Sets what the line says, e.g. `compare: worker-threaded 12/20`. */
  update(text: string): void;
  /** Writes a result line to `out` without tearing the progress line (it is cleared and redrawn). */
  print(out: NodeJS.WritableStream, line: string): void;
  /** Clears the line and stops; safe to call twice. */
  stop(): void;
}

export interface ProgressOptions {
  /** Where the line goes; stdout stays clean for results. Default `process.stderr`. */
  stream?: NodeJS.WriteStream;
  /** Off for `--json` and when the stream is not a terminal. */
  enabled?: boolean;
  /** Nothing is drawn for runs shorter than this. Default 1000 ms. */
  delayMs?: number;
}

const REDRAW_MS = 100;

/**
 * A progress line on stderr that appears only on a TTY and only once the run has taken longer than a
 * second; piped output gets no progress at all, just the result lines.
 * @example const progress = createProgress(); progress.update('names 3/20'); ...; progress.stop();
 */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const enabled = (options.enabled ?? true) && stream.isTTY === true;
  if (!enabled) return { update: () => undefined, print: (out, line) => void out.write(line), stop: () => undefined };

  let text = '';
  let drawn = '';
  let visible = false;
  const draw = (): void => {
    if (text === drawn) return;
    stream.write(`\r\u001b[2K${text.slice(0, Math.max(10, (stream.columns || 80) - 1))}`);
    drawn = text;
  };
  let redraw: NodeJS.Timeout | undefined;
  const start = setTimeout(() => {
    visible = true;
    draw();
    redraw = setInterval(draw, REDRAW_MS).unref();
  }, options.delayMs ?? 1000).unref();

  return {
    update(next) {
      text = next;
    },
    print(out, line) {
      if (visible) {
        stream.write('\r\u001b[2K');
        drawn = '';
      }
      out.write(line);
      if (visible) draw();
    },
    stop() {
      clearTimeout(start);
      if (redraw) clearInterval(redraw);
      if (visible) stream.write('\r\u001b[2K');
      visible = false;
    },
  };
}
