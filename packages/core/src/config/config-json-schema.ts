import { z } from 'zod';
import type { StrategyDecoratorDefinition } from '../extensions/strategy-decorator-definition';
import type { StrategyPluginDefinition } from '../extensions/strategy-plugin-definition';
import type { StandardSchemaV1 } from '../schema/standard-schema';
import { configSchema } from './config-schema';

/** A JSON Schema document (draft 2020-12), as plain JSON. */
export type JsonSchema = { [keyword: string]: unknown };

/** What {@link configJsonSchema} describes beyond core's own keys. */
export interface ConfigJsonSchemaInput {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  plugins: readonly StrategyPluginDefinition<any>[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  decorators: readonly StrategyDecoratorDefinition<any>[];
}

/**
 * The JSON Schema of `waitless.config.json` for these plugins and decorators, generated from the same zod schemas
 * the runtime validates with: core's keys, then under `strategies.<name>` the plugin's `options` and one key per
 * decorator. A strategy name no plugin here registers (a third-party plugin) is allowed with any `options`. Options
 * and settings schemas that are not zod (another Standard Schema library) are described as "anything".
 * @example writeFileSync('waitless.config.schema.json', JSON.stringify(configJsonSchema({ plugins, decorators }), null, 2));
 */
export function configJsonSchema({ plugins, decorators }: ConfigJsonSchemaInput): JsonSchema {
  const root = toJsonSchema(configSchema);
  const properties = root['properties'] as Record<string, JsonSchema>;
  const decoratorSettings: Record<string, JsonSchema> = {};
  for (const decorator of decorators) decoratorSettings[decorator.key] ??= toJsonSchema(decorator.schema);
  const strategySettings = (options: JsonSchema, description: string): JsonSchema => ({
    type: 'object',
    description,
    properties: { options, ...decoratorSettings },
    additionalProperties: false,
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'waitless.config.json',
    description: `Waitless config. Plugins described: ${plugins.map((p) => p.name).join(', ') || 'none'}.`,
    ...root,
    properties: {
      ...properties,
      $schema: { type: 'string', description: 'The JSON Schema this file follows, for editors.' },
      strategy: { ...properties['strategy'], description: 'The active strategy (WAITLESS_STRATEGY and --strategy win over it).' },
      plugins: { ...properties['plugins'], description: 'Plugin packages to load, in order of preference.' },
      strategies: {
        type: 'object',
        description: 'Settings per strategy: its plugin’s "options" and one key per decorator.',
        properties: Object.fromEntries(
          plugins.map((p) => [
            p.name,
            strategySettings(p.optionsSchema ? toJsonSchema(p.optionsSchema) : { type: 'object' }, p.description),
          ]),
        ),
        additionalProperties: strategySettings({ type: 'object' }, 'A strategy of a plugin this schema was generated without.'),
      },
    },
  };
}

// Input shapes (defaults make keys optional); a schema that is not zod, or a part JSON Schema cannot express, allows anything.
function toJsonSchema(schema: StandardSchemaV1): JsonSchema {
  if (!('_zod' in schema)) return {};
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- each part is embedded in one document with one $schema
  const { $schema, ...json } = z.toJSONSchema(schema as unknown as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return json;
}
