// Type tests for defineStrategyPlugin: checked by `tsc -p tsconfig.spec.json` (the typecheck target), never run.
import { expectTypeOf } from 'expect-type';
import { z } from 'zod';
import type { WaitlessConfig } from '../config/config-schema';
import type { FetchStrategy } from '../fetch-strategy';
import type { StandardSchemaV1 } from '../schema/standard-schema';
import { defineStrategyPlugin, type StrategyContext, type StrategyPluginDefinition } from './strategy-plugin-definition';

declare const strategy: FetchStrategy;

interface PoolOptions {
  poolSize: number;
  label?: string | undefined;
}

// The options type is the schema's *output*: defaults applied, optional fields still optional.
const pooled = defineStrategyPlugin({
  name: 'pooled',
  description: 'Pooled transport',
  profile: 'concurrent',
  optionsSchema: z.object({ poolSize: z.number().int().positive().default(8), label: z.string().optional() }),
  threads: (options) => {
    expectTypeOf(options).toEqualTypeOf<PoolOptions>();
    return options.poolSize;
  },
  create: ({ options, source, config }) => {
    expectTypeOf(options).toEqualTypeOf<PoolOptions>();
    expectTypeOf(options.poolSize).toEqualTypeOf<number>();
    expectTypeOf(source).toEqualTypeOf<string>();
    expectTypeOf(config).toEqualTypeOf<WaitlessConfig>();
    // @ts-expect-error options are exactly the schema's keys: a misspelt one does not exist
    void options.poolsize;
    return strategy;
  },
});
expectTypeOf(pooled).toEqualTypeOf<StrategyPluginDefinition<PoolOptions>>();
expectTypeOf(pooled.create).parameter(0).toEqualTypeOf<StrategyContext<PoolOptions>>();
expectTypeOf(pooled.create).returns.toEqualTypeOf<FetchStrategy | Promise<FetchStrategy>>();
// A list of plugins with different options (what a consumer hands to its registry) still type-checks.
const plugins: readonly StrategyPluginDefinition<unknown>[] = [pooled];
void plugins;

// Any Standard Schema works, not only zod: a hand-written one infers the same way.
declare const handWritten: StandardSchemaV1<unknown, { endpoint: URL }>;
defineStrategyPlugin({
  name: 'hand-written',
  description: 'Validated without zod',
  profile: 'blocking',
  optionsSchema: handWritten,
  create: async ({ options }) => {
    expectTypeOf(options).toEqualTypeOf<{ endpoint: URL }>();
    return strategy;
  },
});

// No schema: options are an untyped record, to be validated by the plugin itself.
const plain = defineStrategyPlugin({
  name: 'plain',
  description: 'No options',
  profile: 'concurrent',
  create: ({ options }) => {
    expectTypeOf(options).toEqualTypeOf<Record<string, unknown>>();
    return strategy;
  },
});
expectTypeOf(plain).toEqualTypeOf<StrategyPluginDefinition<Record<string, unknown>>>();

// Misuses the types must reject.
defineStrategyPlugin({
  name: 'wrong-threads',
  description: 'threads counts threads',
  profile: 'concurrent',
  optionsSchema: z.object({ poolSize: z.number() }),
  // @ts-expect-error threads returns a number of threads, not a description
  threads: ({ poolSize }) => `${poolSize} threads`,
  create: () => strategy,
});
defineStrategyPlugin({
  name: 'wrong-create',
  description: 'create must use the schema output type',
  profile: 'concurrent',
  optionsSchema: z.object({ poolSize: z.number() }),
  // @ts-expect-error poolSize is a number after validation, not a string
  create: ({ options }: StrategyContext<{ poolSize: string }>) => (options.poolSize.length > 0 ? strategy : strategy),
});
defineStrategyPlugin({
  name: 'wrong-profile',
  description: 'profile is concurrent or blocking',
  // @ts-expect-error profile is 'concurrent' or 'blocking'
  profile: 'parallel',
  create: () => strategy,
});
