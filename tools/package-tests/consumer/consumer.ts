/* eslint-disable @nx/enforce-module-boundaries -- type-checked in a temporary project against the installed tarballs, not the workspace */
// A TypeScript consumer of every published library, type-checked (never run) by the consumer test under `strict`,
// `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess`, once with `module nodenext` and once with
// `moduleResolution bundler`, against the types in the tarballs.
import {
  createWaitless,
  isHttpError,
  isTimeoutError,
  type FetchResult,
  type FetchStrategy,
  type StrategyDescriptor,
  type WaitlessRuntime,
} from '@waitless/core';
import { defineStrategyPlugin, fetchNetworkError, now, performCall, type StrategyPluginDefinition } from '@waitless/core/plugin';
import { asCompleted, gather, standardDecorators, watchEventLoop, type Task } from '@waitless/concurrency';
import { heartbeatGaps, longestGap } from '@waitless/concurrency/heartbeat';
import { startFixtureServer, type FixtureServer } from '@waitless/fixture-server';
import { getPokemonName } from '@waitless/pokeapi';
import { renderTable, type Column } from '@waitless/text-table';
import { ThreadPool, toThread } from '@waitless/to-thread';
import { requestSync } from '@waitless/blocking-http';
import { plugin as nativeAsync } from '@waitless/strategy-native-async';
import { plugin as workerThreaded, type WorkerThreadedOptions } from '@waitless/strategy-worker-threaded';
import { plugin as blockingSync } from '@waitless/strategy-blocking-sync';
import { plugin as undiciPool, type UndiciPoolOptions } from '@waitless/strategy-undici-pool';
import { describeConformance, type ConformanceOptions } from '@waitless/strategy-testkit';

interface Pokemon {
  id: number;
  name: string;
}

/** A strategy written against the plugin API, as a third party would. */
export const echo = defineStrategyPlugin({
  name: 'echo',
  description: 'Global fetch, typed.',
  profile: 'concurrent',
  create: (): FetchStrategy => ({
    name: 'echo',
    fetch: (request, options) =>
      performCall(
        request,
        options,
        async (prepared, signal) => {
          const response = await fetch(prepared.url, { method: prepared.method, headers: prepared.headers, signal: signal ?? null });
          return {
            status: response.status,
            headers: Object.fromEntries(response.headers),
            text: await response.text(),
            firstByteAt: now(),
          };
        },
        fetchNetworkError,
      ),
  }),
});

export async function consume(): Promise<string> {
  const server: FixtureServer = await startFixtureServer({ latencyMs: 10 });
  const plugins: StrategyPluginDefinition<unknown>[] = [nativeAsync, workerThreaded, blockingSync, undiciPool, echo];
  const waitless: WaitlessRuntime = createWaitless({ strategyPlugins: plugins, decorators: standardDecorators, env: {} });
  try {
    const descriptors: StrategyDescriptor[] = waitless.descriptors();
    const strategy = await waitless.ready('native-async');
    const tasks: Task<FetchResult<Pokemon>>[] = [1, 2, 3].map(
      (id) => (signal) => strategy.fetch<Pokemon>({ url: `${server.url}/api/v2/pokemon/${id}`, signal }),
    );
    const { result, maxGapMs } = await watchEventLoop(() => gather(tasks, { concurrency: 2 }));
    // noUncheckedIndexedAccess: an element may be missing.
    const first: string = result[0]?.body.name ?? 'none';
    for await (const outcome of asCompleted(tasks, { concurrency: 2 })) {
      if (outcome.status === 'fulfilled') console.log(outcome.index, outcome.value.body.id);
    }
    const pikachu: string = await getPokemonName(25, strategy, { baseUrl: server.url });
    try {
      requestSync<Pokemon>({ url: `${server.url}/api/v2/pokemon/99999`, timeoutMs: 1_000 });
    } catch (error) {
      if (isHttpError(error)) console.log(error.status, error.url);
      else if (isTimeoutError(error)) console.log(error.message);
    }
    const pool = new ThreadPool({ size: 1 });
    const request = toThread<typeof requestSync>('@waitless/blocking-http', 'requestSync', { pool });
    const viaThread = await request.withSignal(AbortSignal.timeout(5_000))({ url: `${server.url}/text` });
    await pool.close();
    const gap = longestGap(heartbeatGaps([0, 5, 50], { from: 0, until: 60 }));
    const columns: Column[] = [{ header: 'strategy' }, { header: 'ms', align: 'right' }];
    const workerOptions: WorkerThreadedOptions = { poolSize: 2 };
    const undiciOptions: UndiciPoolOptions = { connections: 4, pipelining: 1 }; // defaults applied: both fields
    const conformance: ConformanceOptions = { settings: { options: workerOptions } };
    const kit: (plugin: typeof echo, options?: ConformanceOptions) => void = describeConformance;
    return [
      renderTable(columns, [[first, String(maxGapMs)]]),
      pikachu,
      String(viaThread.body),
      String(gap?.ms),
      descriptors.map((d) => d.name).join(','),
      JSON.stringify([undiciOptions, conformance, typeof kit]),
    ].join('\n');
  } finally {
    await waitless.close();
    await server.close();
  }
}
