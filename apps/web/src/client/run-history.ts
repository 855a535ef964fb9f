import { fromStoredRun, toStoredRun, type RunRecord, type StoredRun } from './run-record';

const STORAGE_KEY = 'waitless.history.v1';
// Longer heartbeats are not stored (a long blocking run beats hundreds of thousands of times).
const MAX_STORED_TICKS = 5_000;
/** Finished runs kept across reloads. */
export const HISTORY_SIZE = 24;

/** The finished runs kept in this browser's localStorage, newest first. Storage that is full or off only loses the history. */
export class RunHistory {
  private runs: RunRecord[];

  constructor(private readonly storage: Storage | undefined = globalThis.localStorage) {
    this.runs = this.load();
  }

  /** Newest first. */
  all(): readonly RunRecord[] {
    return this.runs;
  }

  add(record: RunRecord): void {
    this.runs = [record, ...this.runs.filter((r) => r.id !== record.id)].slice(0, HISTORY_SIZE);
    this.save();
  }

  clear(): void {
    this.runs = [];
    this.save();
  }

  private load(): RunRecord[] {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      const parsed = raw ? (JSON.parse(raw) as StoredRun[]) : [];
      return Array.isArray(parsed) ? parsed.filter((r) => r && r.params && Array.isArray(r.bars)).map(fromStoredRun) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    const stored = this.runs.map(toStoredRun).map((run) => (run.ticks.length > MAX_STORED_TICKS ? { ...run, ticks: [] } : run));
    // When storage is full, keep fewer of the oldest runs; when it is off, the history lives in this page only.
    for (let keep = stored.length; keep >= 0; keep = keep === 0 ? -1 : Math.floor(keep / 2)) {
      try {
        this.storage?.setItem(STORAGE_KEY, JSON.stringify(stored.slice(0, keep)));
        return;
      } catch {
        continue;
      }
    }
  }
}
