import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadPipeline, runPipeline, type PipelineNode, type PipelineNodeResult } from '@waitless/concurrency';
import { latencyOption } from '../shared-options';
import { commandAction, examples, type CommandRun } from '../command-context';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { deadlineMs, jsonOrString, MAX_DEADLINE_MS } from '../option-parsers';
import { loadWaitless, openRuntime } from '../runtime';
import { createStyle, type Style } from '../style';
import { formatMs } from '../timing';
import { widestFanOut } from '../pipeline-width';
import { startUpNote, timeStartUp, type StartUp } from '../warm-up';

interface PipelineOptions {
  json?: boolean;
  input?: unknown;
  deadline?: number;
  /** `--no-warm-up` sets it false: start-up then lands in the first calls' timings. */
  warmUp: boolean;
  latency: number;
}

/** A result node with its timings relative to the start of the run, as `--json` prints it. */
type TimedResult = Omit<PipelineNodeResult, 'children'> & { offsetMs?: number; durationMs?: number; children?: TimedResult[] };

// Warm-up for the widest fan-out, but never more than this many requests for one huge pipeline file.
const MAX_WARM_UP_REQUESTS = 32;
const PREVIEW_CHARS = 60;
const OUTPUT_CHARS = 400;

/** `waitless pipeline <file>`: runs a pipeline file and prints its result tree with timings. */
export function registerPipeline(program: Command): void {
  program
    .command('pipeline')
    .description('Run a pipeline file (sequence / concurrent / step / request nodes) and print the result tree with timings.')
    .argument('<file>', 'pipeline JSON file')
    .option('--json', 'print the result tree as one JSON object and nothing else on stdout')
    .option('--input <json>', 'input of the root node: JSON (0, "pikachu", {"id":25}) or else a plain string', jsonOrString)
    .option('--deadline <ms>', `cancel every running step after this long (at most ${MAX_DEADLINE_MS} ms)`, deadlineMs)
    .option('--no-warm-up', 'time the cold start too: thread-pool and connection start-up land in the first calls')
    .addOption(latencyOption(100))
    .addHelpText(
      'after',
      `
Before the run, the strategy is warmed up with as many requests as the pipeline can have in flight, and that
start-up time is printed apart, so a worker pool starting does not look like a slow first step.
Requests go through the active strategy; {baseUrl} in the file is the embedded fixture server or --base-url.
Steps are the built-in "pick" plus every step the CLI registers (pokemon.name, pokemon.detail).
${examples(
  'waitless pipeline packages/concurrency/examples/pokemon-pipeline.json --input 0',
  'waitless --strategy worker-threaded pipeline my-pipeline.json --deadline 2000 --json',
)}`,
    )
    .action(commandAction<PipelineOptions>(runPipelineCommand));
}

async function runPipelineCommand({ options, globals, interrupt, out, args }: CommandRun<PipelineOptions>): Promise<ExitCodeValue> {
  const file = resolve(args[0]);
  const waitless = loadWaitless(globals);
  let spec: PipelineNode;
  const steps = waitless.pipelineSteps();
  try {
    spec = loadPipeline(file, { steps, source: args[0] });
  } catch (error) {
    await waitless.close();
    throw error;
  }
  const runtime = await openRuntime(globals, { latencyMs: options.latency }, waitless);
  try {
    const strategyName = runtime.waitless.activeStrategy.name;
    const strategy = await runtime.waitless.ready(strategyName);
    const width = Math.min(widestFanOut(spec), MAX_WARM_UP_REQUESTS);
    let startUp: StartUp | undefined;
    if (options.warmUp) {
      startUp = await timeStartUp(runtime, strategy, runtime.waitless.describe(strategyName), width, interrupt.signal);
    }
    const result = await runPipeline(spec, {
      strategy,
      steps,
      deadlineMs: options.deadline,
      input: options.input,
      signal: interrupt.signal,
      baseUrl: runtime.baseUrl,
      source: args[0],
    });
    const timed = withOffsets(result, result.startedAt ?? 0);
    if (options.json) {
      const summary = {
        file: args[0],
        strategy: strategyName,
        status: result.status,
        wallMs: timed.durationMs ?? 0,
        ...(startUp === undefined ? {} : { startUpMs: Math.round(startUp.ms) }),
        result: timed,
      };
      out.write(`${JSON.stringify(summary)}\n`);
    } else {
      const style = createStyle(out);
      out.write(
        `${style.bold(`pipeline ${args[0]}`)} on ${strategyName}: ` +
          `${statusText(result.status, style)} in ${formatMs(timed.durationMs ?? 0)}\n`,
      );
      printTree(out, timed, '', style);
      if (result.status === 'ok') out.write(`output: ${preview(result.output, OUTPUT_CHARS)}\n`);
      else if (result.error) out.write(`${statusText(result.status, style)}: ${result.error}\n`);
      if (result.status === 'failed' && options.input === undefined && result.error?.includes('{input')) {
        out.write(style.dim('hint: the pipeline reads {input}; pass one with --input, e.g. --input 0') + '\n');
      }
      out.write(style.dim(startUpNote(startUp)) + '\n');
    }
    if (interrupt.interrupted) return ExitCode.interrupted;
    return result.status === 'ok' ? ExitCode.ok : ExitCode.failed;
  } finally {
    await runtime.close();
  }
}

function withOffsets(node: PipelineNodeResult, origin: number): TimedResult {
  const { children, ...rest } = node;
  const timed: TimedResult = { ...rest };
  if (node.startedAt !== undefined) timed.offsetMs = Math.round(node.startedAt - origin);
  if (node.startedAt !== undefined && node.endedAt !== undefined) timed.durationMs = Math.round(node.endedAt - node.startedAt);
  if (children) timed.children = children.map((child) => withOffsets(child, origin));
  return timed;
}

function printTree(out: NodeJS.WriteStream, node: TimedResult, indent: string, style: Style): void {
  const timing = node.offsetMs === undefined ? '' : style.dim(` +${node.offsetMs} ms, ${formatMs(node.durationMs ?? 0)}`);
  let detail = '';
  if (!node.children && node.status === 'ok') detail = ` → ${preview(node.output, PREVIEW_CHARS)}`;
  else if (!node.children && node.error) detail = ` — ${node.error}`;
  out.write(`${indent}${statusText(node.status, style)} ${node.label}${timing}${detail}\n`);
  for (const child of node.children ?? []) printTree(out, child, `${indent}  `, style);
}

function statusText(status: PipelineNodeResult['status'], style: Style): string {
  if (status === 'ok') return style.green('ok');
  if (status === 'failed') return style.red('failed');
  return style.yellow(status);
}

function preview(value: unknown, maxChars: number): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}
