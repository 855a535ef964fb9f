import { z } from 'zod';
import { normalizeBaseUrl } from '../http/normalize-base-url';
import { MAX_BODY_BYTES_LIMIT, MAX_REDIRECTS_LIMIT } from '../http/response-limits';

// http(s) only, like --base-url: a `file:` or `javascript:` base URL can only be a mistake (or an attack).
const baseUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL' }).transform(normalizeBaseUrl);

/**
 * `http` in config: response limits every request gets unless it sets its own (see `FetchRequest`). Bounded so a
 * typo cannot switch the limits off.
 */
export const httpSettingsSchema = z
  .object({
    maxBodyBytes: z.int().min(1).max(MAX_BODY_BYTES_LIMIT).optional(),
    maxRedirects: z.int().min(0).max(MAX_REDIRECTS_LIMIT).optional(),
  })
  .strict();

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
    http: httpSettingsSchema.optional(),
  })
  .strict();

/** A validated `waitless.config.json`. */
export type WaitlessConfig = z.infer<typeof configSchema>;
/** `http` in config: `maxBodyBytes` and `maxRedirects` applied to every request that does not set its own. */
export type HttpSettings = z.infer<typeof httpSettingsSchema>;
/** `strategies.<name>` in config: `options` plus one entry per enabled decorator. */
export type StrategySettings = Record<string, unknown>;
