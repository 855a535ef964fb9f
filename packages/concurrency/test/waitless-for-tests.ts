import type { EventEmitter } from 'node:events';
import { createWaitless, type FetchStrategy, type WaitlessRuntime } from '@waitless/core';
import { startFixtureServer, type FixtureServer, type RequestEndEvent } from '@waitless/fixture-server';
import { standardDecorators, type StandardDecoratorSettings } from '../src/index';

/** Strategy names and the plugin package that registers each. */
export const STRATEGY_PLUGINS = {
  'native-async': '@waitless/strategy-native-async',
  'blocking-sync': '@waitless/strategy-blocking-sync',
  'worker-threaded': '@waitless/strategy-worker-threaded',
} as const;

export type StrategyName = keyof typeof STRATEGY_PLUGINS;

/**
 * A container built the way an app builds it: plugin loaded by name from config (type:core code may not
 * import a plugin), decorators switched on by `strategies.<name>` settings alone.
 */
export function waitlessWith(settings: StandardDecoratorSettings = {}, name: StrategyName = 'native-async'): WaitlessRuntime {
  return createWaitless({
    env: {},
    decorators: standardDecorators,
    inline: { plugins: [STRATEGY_PLUGINS[name]], strategy: name, strategies: { [name]: settings } },
  });
}

/** True when the plugin package resolves to a file (other engineers may still be writing it). */
export function pluginReady(name: StrategyName): boolean {
  try {
    require.resolve(STRATEGY_PLUGINS[name]);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once `count` requests the client aborted have ended on the server. */
export async function clientAborts(events: EventEmitter, count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    const listener = (event: RequestEndEvent): void => {
      if (event.aborted && ++seen === count) {
        events.off('request-end', listener);
        resolve();
      }
    };
    events.on('request-end', listener);
  });
}

/** Resolves once the server has no request in flight (checked on every `request-end`, no polling). */
export async function serverIdle(server: { events: EventEmitter; stats(): { inFlight: number } }): Promise<void> {
  if (server.stats().inFlight === 0) return;
  return new Promise((resolve) => {
    const listener = (): void => {
      if (server.stats().inFlight > 0) return;
      server.events.off('request-end', listener);
      resolve();
    };
    server.events.on('request-end', listener);
  });
}

/** The fixture server and a native-async strategy (with `settings`) for one describe block, reset before each test. */
export interface FixtureAndStrategy {
  server: FixtureServer;
  waitless: WaitlessRuntime;
  strategy: FetchStrategy;
}

/** Registers the hooks that start, reset and close a fixture server and a strategy; read the fields inside tests. */
export function useFixtureAndStrategy(settings: StandardDecoratorSettings = {}): FixtureAndStrategy {
  const env = {} as FixtureAndStrategy;
  beforeAll(async () => {
    env.server = await startFixtureServer();
    env.waitless = waitlessWith(settings);
    env.strategy = env.waitless.strategy();
  });
  afterAll(async () => {
    await env.waitless.close();
    await env.server.close();
  });
  beforeEach(() => env.server.resetStats());
  return env;
}
