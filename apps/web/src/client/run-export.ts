import { toStoredRun, type RunRecord } from './run-record';

const CSV_HEADER = [
  'strategy',
  'run_id',
  'request',
  'start_ms',
  'end_ms',
  'duration_ms',
  'waiting_ms',
  'wire_ms',
  'ok',
  'status',
  'attempts',
  'error',
];

function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 10) / 10) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV row per request (times in ms since each run's first dispatch), for one run or several. */
export function runsToCsv(records: readonly RunRecord[]): string {
  const rows = [CSV_HEADER.join(',')];
  for (const record of records) {
    for (const bar of [...record.bars.values()].sort((a, b) => a.index - b.index)) {
      const duration = bar.end === undefined ? undefined : bar.end - bar.start;
      const waiting = duration === undefined ? undefined : Math.min(duration, bar.waitedMs ?? 0);
      rows.push(
        [
          record.params.strategy,
          record.id,
          bar.index + 1,
          bar.start,
          bar.end,
          duration,
          waiting,
          duration === undefined || waiting === undefined ? undefined : duration - waiting,
          bar.end === undefined ? undefined : bar.ok === true,
          bar.status,
          bar.attempts,
          bar.error,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

/** A run as JSON: inputs, warm-up, summary (with its baseline), every request and the heartbeat ticks. */
export function runToJson(record: RunRecord): string {
  return JSON.stringify({ kind: 'waitless-run', version: 1, run: toStoredRun(record) }, null, 2);
}

/** A comparison as JSON: the shared inputs and every run in order. */
export function comparisonToJson(records: readonly RunRecord[], winner: string | undefined): string {
  return JSON.stringify(
    { kind: 'waitless-comparison', version: 1, params: records[0]?.params, winner, runs: records.map(toStoredRun) },
    null,
    2,
  );
}

/** Offers `text` as a file download. */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
