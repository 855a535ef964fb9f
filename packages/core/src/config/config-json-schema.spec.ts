import { z } from 'zod';
import { defineStrategyDecorator } from '../extensions/strategy-decorator-definition';
import { defineStrategyPlugin } from '../extensions/strategy-plugin-definition';
import type { StandardSchemaV1 } from '../schema/standard-schema';
import { RecordingStrategy } from '../../test/fixtures/recording-strategy';
import { configJsonSchema, type JsonSchema } from './config-json-schema';

const create = () => new RecordingStrategy('x');
const zodPlugin = defineStrategyPlugin({
  name: 'typed',
  description: 'Options in zod.',
  profile: 'concurrent',
  optionsSchema: z.object({ poolSize: z.number().int().min(1).default(4) }).strict(),
  create,
});
// A Standard Schema from another library: JSON Schema cannot be derived from it.
const otherLibrary: StandardSchemaV1<unknown, Record<string, unknown>> = {
  '~standard': { version: 1, vendor: 'other', validate: (value) => ({ value: value as Record<string, unknown> }) },
};
const otherPlugin = defineStrategyPlugin({
  name: 'other',
  description: 'Options in another library.',
  profile: 'blocking',
  optionsSchema: otherLibrary,
  create,
});
const logging = defineStrategyDecorator({
  key: 'logging',
  order: 60,
  schema: z.object({ prefix: z.string() }).strict(),
  decorate: (inner) => inner,
});

describe('configJsonSchema', () => {
  const schema = configJsonSchema({ plugins: [zodPlugin, otherPlugin], decorators: [logging, logging] });
  const strategies = (schema['properties'] as Record<string, JsonSchema>)['strategies'];
  const byName = strategies['properties'] as Record<string, { description: string; properties: Record<string, JsonSchema> }>;

  it('is a draft 2020-12 document for the whole file, closed to unknown keys', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', additionalProperties: false });
    expect(Object.keys(schema['properties'] as object)).toEqual(expect.arrayContaining(['$schema', 'strategy', 'plugins', 'strategies']));
  });

  it('describes each plugin’s options (input shape: defaults make keys optional) and each decorator key once', () => {
    expect(byName['typed'].description).toBe('Options in zod.');
    expect(byName['typed'].properties['options']).toMatchObject({
      type: 'object',
      properties: { poolSize: { type: 'integer', minimum: 1, default: 4 } },
      additionalProperties: false,
    });
    expect(byName['typed'].properties['options']).not.toHaveProperty('required');
    expect(Object.keys(byName['typed'].properties)).toEqual(['options', 'logging']);
    expect(byName['typed'].properties['logging']).toMatchObject({ required: ['prefix'] });
  });

  it('allows anything as options it cannot describe, and strategies of other plugins with the decorators checked', () => {
    expect(byName['other'].properties['options']).toEqual({});
    expect(strategies['additionalProperties']).toMatchObject({ properties: { options: { type: 'object' }, logging: { type: 'object' } } });
  });
});
