import { z } from 'zod';
import type { PipelineNode } from './pipeline-node';

const POSITIVE_INTEGER = 'expected a positive integer';
const name = z.string().min(1, { error: 'expected a non-empty name' }).optional();

const requestTemplateSchema = z
  .object({
    url: z
      .string({ error: 'expected a URL template string, e.g. "{baseUrl}/api/v2/pokemon/{input}"' })
      .min(1, { error: 'expected a non-empty URL template' }),
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    json: z.unknown().optional(),
  })
  .strict();

const stepSchema = z
  .object({
    type: z.literal('step'),
    name,
    step: z
      .string({ error: 'expected the name of a registered step, e.g. "pokemon.detail"' })
      .min(1, { error: 'expected a non-empty step name' }),
    args: z.record(z.string(), z.unknown(), { error: 'expected an object of arguments' }).optional(),
  })
  .strict();

const requestSchema = z.object({ type: z.literal('request'), name, request: requestTemplateSchema }).strict();

const children = (): z.ZodArray<z.ZodType<PipelineNode>> =>
  z.array(pipelineNodeSchema, { error: 'expected an array of pipeline nodes' }).min(1, { error: 'expected at least one child node' });

const sequenceSchema = z
  .object({
    type: z.literal('sequence'),
    name,
    get steps(): z.ZodArray<z.ZodType<PipelineNode>> {
      return children();
    },
  })
  .strict();

const concurrentSchema = z
  .object({
    type: z.literal('concurrent'),
    name,
    concurrency: z.number({ error: POSITIVE_INTEGER }).int({ error: POSITIVE_INTEGER }).positive({ error: POSITIVE_INTEGER }).optional(),
    get steps(): z.ZodArray<z.ZodType<PipelineNode>> {
      return children();
    },
  })
  .strict();

/** The zod schema of a pipeline node (recursive); `loadPipeline` turns its issues into `PipelineSpecError`s. */
export const pipelineNodeSchema: z.ZodType<PipelineNode> = z.discriminatedUnion(
  'type',
  [sequenceSchema, concurrentSchema, stepSchema, requestSchema],
  {
    error: 'expected a node with "type": "sequence", "concurrent", "step" or "request"',
  },
);
