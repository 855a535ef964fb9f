// Tracing-cost scenario child: the same closed loop on one strategy three ways, interleaved round by round — the
// plugin's strategy with no tracing layer, the runtime's (inside the waitless:fetch layer) with nobody subscribed,
// and the runtime's with a subscriber on every event.
import { createWaitless, fetchChannel, type FetchStrategy, type FetchTraceContext } from '@waitless/core';
import { validateOrThrow, type StrategyPluginDefinition } from '@waitless/core/plugin';
import { STRATEGY_PLUGINS, type TracingCostArgs, type TracingCostMeasurement } from '../scenario-protocol';
import { runClosedLoop } from './closed-loop';
import { pikachuUrl } from './fan-out';
import { runAsScenario } from './run-as-scenario';

type Variant = 'untraced' | 'noSubscriber' | 'subscribed';

runAsScenario<TracingCostArgs, TracingCostMeasurement>(async (args) => {
  const waitless = createWaitless({ inline: { plugins: [STRATEGY_PLUGINS[args.client]] }, strategy: args.client, env: {} });
  // The plugin loaded by the same name, its strategy built the way the runtime builds it, minus the tracing layer.
  const module = require(STRATEGY_PLUGINS[args.client]) as { plugin: StrategyPluginDefinition };
  const { optionsSchema } = module.plugin;
  const options = optionsSchema ? validateOrThrow(optionsSchema, {}, 'the bench', 'options') : {};
  const untraced = await module.plugin.create({ options, source: 'the bench', config: waitless.config.config });
  const traced = waitless.strategy();

  let seen = 0;
  const ignore = (_call: FetchTraceContext): void => undefined;
  const subscriber = { start: () => void seen++, end: ignore, asyncStart: ignore, asyncEnd: ignore, error: ignore };
  const url = pikachuUrl(args.url);
  const callOn = (strategy: FetchStrategy) => async (): Promise<void> => {
    const { status } = await strategy.fetch({ url });
    if (status !== 200) throw new Error(`status ${status} for GET ${url}`);
  };
  const run = async (variant: Variant, requests: number): Promise<number> => {
    if (variant === 'subscribed') fetchChannel.subscribe(subscriber);
    try {
      return (await runClosedLoop(requests, args.concurrency, callOn(variant === 'untraced' ? untraced : traced))).elapsedMs;
    } finally {
      if (variant === 'subscribed') fetchChannel.unsubscribe(subscriber);
    }
  };

  const variants: Variant[] = ['untraced', 'noSubscriber', 'subscribed'];
  const measured: Record<Variant, number[]> = { untraced: [], noSubscriber: [], subscribed: [] };
  try {
    for (const variant of variants) await run(variant, args.warmupRequests);
    seen = 0;
    for (let round = 0; round < args.rounds; round++) {
      // Rotate the order, so no variant always runs right after the same other one (GC debt, socket reuse).
      for (let i = 0; i < variants.length; i++) {
        const variant = variants[(round + i) % variants.length];
        measured[variant].push(await run(variant, args.requests));
      }
    }
  } finally {
    await Promise.all([untraced.close?.(), waitless.close()]);
  }
  // The subscriber really saw every call it was there for: the measurement is of a working channel.
  if (seen !== args.requests * args.rounds) throw new Error(`the subscriber saw ${seen} starts, not ${args.requests * args.rounds}`);
  return {
    client: args.client,
    requests: args.requests,
    concurrency: args.concurrency,
    untracedMs: measured.untraced,
    noSubscriberMs: measured.noSubscriber,
    subscribedMs: measured.subscribed,
  };
});
