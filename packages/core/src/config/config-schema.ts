import { z } from 'zod';
import { normalizeBaseUrl } from '../http/normalize-base-url';

const baseUrl = z.url().transform(normalizeBaseUrl);

/**
 * Everything one strategy can be given in config: `options` for the strategy itself, validated by its
 * plugin's schema, and one key per decorator (`retry`, `timeout`, ...), validated by the decorator that
 * registered the key. Core knows no key but `options`: the registered plugins and decorators do.
 */
export const strategySettingsSchema = z.record(z.string(), z.unknown());

/**
 * The shape of `waitless.config.json`. Strategy settings are checked against the registered plugins and decorators
 * when the runtime is created.
 */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    strategy: z.string().min(1).optional(),
    plugins: z.array(z.string().min(1)).optional(),
    strategies: z.record(z.string(), strategySettingsSchema).default({}),
    baseUrl: baseUrl.optional(),
    allowedBaseUrls: z.array(baseUrl).default([]),
  })
  .strict();

/** A validated `waitless.config.json`. */
export type WaitlessConfig = z.infer<typeof configSchema>;
/** `strategies.<name>` in config: `options` plus one entry per enabled decorator. */
export type StrategySettings = Record<string, unknown>;
