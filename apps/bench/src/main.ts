// `npm run bench` / `nx run bench:bench`: every scenario, a table (or --json), the targets, the seed chart.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startFixtureServerProcess } from '@waitless/fixture-server';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs, type BenchArgs } from './bench-args';
import { benchPlan } from './bench-plan';
import { buildReport, machineMeta, type BenchReport } from './bench-report';
import { checkBuiltPackages } from './check-built-packages';
import { formatReport } from './format-report';
import { runBench } from './run-bench';
import { renderSeedChartSvg } from './seed-chart-svg';

/** Where a full run writes the seed chart: docs/ at the workspace root. */
const DEFAULT_SVG_PATH = path.resolve(__dirname, '../../../docs/benchmarks-seed.svg');

async function main(): Promise<void> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`bench: ${error.message}\n\n${BENCH_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(BENCH_USAGE);
    return;
  }

  const plan = benchPlan(args.quick);
  const progress = (line: string): void => void process.stderr.write(`bench: ${line}\n`);
  // Reported, not fatal: a run on a stale build still measures something, and says so.
  for (const problem of checkBuiltPackages()) progress(`warning: ${problem}`);
  const startedAt = performance.now();
  const fixture = await startFixtureServerProcess();
  progress(`fixture server at ${fixture.url} (own process)`);
  let report: BenchReport;
  try {
    const measurements = await runBench({ plan, sections: args.sections, clients: args.clients, url: fixture.url, progress });
    report = buildReport(plan, measurements, machineMeta(args.quick, performance.now() - startedAt));
  } finally {
    await fixture.close();
  }

  const svgPath = args.noSvg ? undefined : (args.svgPath ?? (args.quick ? undefined : DEFAULT_SVG_PATH));
  if (svgPath && report.seed) {
    const { requests, latencyMs, repetitions } = report.seed;
    const svg = renderSeedChartSvg(report.seed.results, {
      title: `Seed: ${requests} requests at ${latencyMs} ms latency — speedup over sequential`,
      subtitle: `median of ${repetitions} runs · Node ${report.meta.node} · ${report.meta.cores} cores · ${report.meta.date.slice(0, 10)}`,
    });
    mkdirSync(path.dirname(svgPath), { recursive: true });
    writeFileSync(svgPath, svg);
    progress(`seed chart written to ${path.relative(process.cwd(), svgPath) || svgPath}`);
  }

  process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  if (report.failures.length > 0) process.exitCode = 1;
}

main().catch((error: Error) => {
  // --verbose is read raw here: the failure may have happened before the arguments were parsed.
  console.error(`bench: ${error.message}${process.argv.includes('--verbose') ? `\n${error.stack}` : ''}`);
  process.exitCode = 1;
});
