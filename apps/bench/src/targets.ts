import type { BenchReport } from './bench-report';

/** One target of the issue, checked against a run: `met` is null when its section did not run. */
export interface TargetCheck {
  id: string;
  /** What is compared, e.g. `seed speedup, native-async`. */
  description: string;
  /** The goal as text, e.g. `≥ 18×`. */
  goal: string;
  /** The measured value, or null when not measured. */
  actual: number | null;
  unit: string;
  met: boolean | null;
}

type Sections = Pick<BenchReport, 'seed' | 'throughput' | 'dispatch' | 'loopLag' | 'memory'>;

interface Goal {
  text: string;
  meets(value: number): boolean;
}

interface TargetSpec {
  id: string;
  description: string;
  unit: string;
  actual(s: Sections): number | undefined;
  goal(s: Sections): Goal;
}

const atLeast = (min: number): Goal => ({ text: `≥ ${min}`, meets: (v) => v >= min });
const atMost = (max: number): Goal => ({ text: `≤ ${max}`, meets: (v) => v <= max });
const below = (max: number): Goal => ({ text: `< ${max}`, meets: (v) => v < max });
const within = (center: number, tolerance: number): Goal => ({
  text: `${center - tolerance}–${center + tolerance}`,
  meets: (v) => Math.abs(v - center) <= tolerance + 1e-9,
});

// The seed goals are for 20 requests (18× and 15×); as fractions of the ideal n× they also
// apply to --quick's smaller fan-out.
const seedGoal =
  (fractionOfIdeal: number) =>
  (s: Sections): Goal =>
    atLeast(Math.round(fractionOfIdeal * (s.seed?.requests ?? 20) * 10) / 10);

/** Targets of the "Benchmark suite" issue. They are reported, never asserted. */
export const TARGETS: readonly TargetSpec[] = [
  {
    id: 'seed-native-async',
    description: 'seed speedup, native-async (gather)',
    unit: '×',
    actual: (s) => s.seed?.results.find((r) => r.name === 'native-async')?.speedup,
    goal: seedGoal(0.9),
  },
  {
    id: 'seed-worker-threaded',
    description: 'seed speedup, worker-threaded (gather)',
    unit: '×',
    actual: (s) => s.seed?.results.find((r) => r.name === 'worker-threaded')?.speedup,
    goal: seedGoal(0.75),
  },
  {
    id: 'throughput-native-async-c64',
    description: 'throughput native-async / raw fetch, c=64',
    unit: '×',
    actual: (s) => s.throughput?.find((r) => r.name === 'native-async' && r.concurrency === 64)?.ratioToFetch ?? undefined,
    goal: () => atLeast(0.75),
  },
  {
    id: 'dispatch-ratio',
    description: 'dispatch toThread / raw piscina',
    unit: '×',
    actual: (s) => s.dispatch?.ratio,
    goal: () => atMost(1.2),
  },
  {
    id: 'loop-lag-native-async',
    description: 'loop lag max, native-async',
    unit: 'ms',
    actual: (s) => s.loopLag?.find((r) => r.name === 'native-async')?.maxMs,
    goal: () => below(20),
  },
  {
    id: 'loop-lag-worker-threaded',
    description: 'loop lag max, worker-threaded',
    unit: 'ms',
    actual: (s) => s.loopLag?.find((r) => r.name === 'worker-threaded')?.maxMs,
    goal: () => below(20),
  },
  {
    id: 'memory-peak',
    description: 'memory peak RSS',
    unit: 'MB',
    actual: (s) => s.memory?.peakRssMb,
    goal: () => below(256),
  },
  {
    id: 'memory-flat',
    description: 'memory end RSS / RSS at 10%',
    unit: '×',
    actual: (s) => s.memory?.endVs10Pct,
    goal: () => within(1, 0.1),
  },
];

/** Checks every target against the sections of a report. */
export function evaluateTargets(sections: Sections): TargetCheck[] {
  return TARGETS.map(({ id, description, unit, actual, goal }) => {
    const value = actual(sections);
    const { text, meets } = goal(sections);
    return { id, description, goal: text, actual: value ?? null, unit, met: value === undefined ? null : meets(value) };
  });
}
