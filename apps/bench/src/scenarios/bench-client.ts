import path from 'node:path';
import { createWaitless, isPluginLoadError, type FetchStrategy } from '@waitless/core';
import { isStrategy, STRATEGY_PLUGINS, type ClientName, type Skipped, type StrategyName } from '../scenario-protocol';

/** One way of making a GET request, reduced to what the scenarios time. */
export interface BenchClient {
  readonly name: ClientName;
  /** Whether calls go through a Waitless strategy (scenarios then fan out with `gather`/`mapStream`). */
  readonly isStrategy: boolean;
  /** GETs `url` and reads and parses the JSON body; rejects unless the status is 200. */
  get(url: string, signal?: AbortSignal): Promise<void>;
  /** Releases sockets and worker threads. */
  close(): Promise<void>;
}

/** Options for {@link openClient}. */
export interface OpenClientOptions {
  /** Threads for worker-threaded and raw piscina. */
  poolSize: number;
}

/**
 * Opens a client by name: a Waitless strategy loaded by plugin name through `createWaitless` (as an
 * app would), a raw peer or a library peer. Peers are imported only here, only when asked for: the
 * `undici` import alone would move this process's global `fetch` onto undici's agent.
 * Resolves `{ skipped }` when a strategy's plugin is not installed.
 */
export async function openClient(name: ClientName, options: OpenClientOptions): Promise<BenchClient | Skipped> {
  if (isStrategy(name)) return openStrategy(name, options);
  switch (name) {
    case 'fetch':
      return {
        name,
        isStrategy: false,
        async get(url, signal) {
          const response = await fetch(url, { signal });
          if (response.status !== 200) throw new Error(`raw fetch: status ${response.status} for GET ${url}`);
          await response.json();
        },
        close: async () => undefined,
      };
    case 'undici': {
      const { request } = await import('undici');
      return {
        name,
        isStrategy: false,
        async get(url, signal) {
          const { statusCode, body } = await request(url, { signal });
          if (statusCode !== 200) {
            await body.dump();
            throw new Error(`raw undici.request: status ${statusCode} for GET ${url}`);
          }
          await body.json();
        },
        close: async () => undefined,
      };
    }
    // Library peers: each library's default export used the way its README shows, defaults untouched
    // (ky: retry 2 and a 10 s timeout; axios and got: Node's global agent, keep-alive on Node 20).
    case 'ky': {
      const { default: ky } = await import('ky');
      return {
        name,
        isStrategy: false,
        get: async (url, signal) => void (await ky.get(url, { signal }).json()),
        close: async () => undefined,
      };
    }
    case 'axios': {
      const { default: axios } = await import('axios');
      return {
        name,
        isStrategy: false,
        async get(url, signal) {
          // axios parses the JSON body itself and rejects on a status outside 2xx.
          const response = await axios.get<unknown>(url, { signal });
          if (response.status !== 200) throw new Error(`axios: status ${response.status} for GET ${url}`);
        },
        close: async () => undefined,
      };
    }
    case 'got': {
      // got 14 is ESM-only; Node ≥ 20.19 loads it from here (require(esm)).
      const { default: got } = await import('got');
      return {
        name,
        isStrategy: false,
        get: async (url, signal) => void (await got(url, { signal }).json()),
        close: async () => undefined,
      };
    }
    case 'piscina': {
      const { Piscina } = await import('piscina');
      // The same shape as worker-threaded's ThreadPool, so only the toThread layer differs: started before
      // the pool, so its threads share one request helper as worker-threaded's do (not one helper each).
      const { startSharedRequestHelper } = await import('@waitless/blocking-http');
      startSharedRequestHelper();
      const pool = new Piscina({
        filename: RAW_REQUEST_TASK,
        minThreads: 0,
        maxThreads: options.poolSize,
        idleTimeout: 30_000,
        concurrentTasksPerWorker: 1,
      });
      return {
        name,
        isStrategy: false,
        get: async (url, signal) => void (await pool.run({ url }, { signal })),
        close: () => pool.destroy(),
      };
    }
  }
}

const RAW_REQUEST_TASK = path.join(__dirname, 'raw-request-sync-task.cjs');

function openStrategy(name: StrategyName, options: OpenClientOptions): BenchClient | Skipped {
  let waitless;
  try {
    waitless = createWaitless({
      inline: {
        plugins: [STRATEGY_PLUGINS[name]],
        strategies: name === 'worker-threaded' ? { [name]: { options: { poolSize: options.poolSize } } } : {},
      },
      strategy: name,
      // An outer WAITLESS_STRATEGY must not pick a different strategy than the one measured.
      env: {},
      resolvePaths: [__dirname],
    });
  } catch (error) {
    if (isPluginLoadError(error)) return { skipped: `${STRATEGY_PLUGINS[name]} is not available: ${error.message}` };
    throw error;
  }
  const strategy: FetchStrategy = waitless.strategy();
  return {
    name,
    isStrategy: true,
    get: async (url, signal) => void (await strategy.fetch({ url }, signal && { signal })),
    close: () => waitless.close(),
  };
}
