import type { PipelineNode } from '@waitless/concurrency';

// A concurrent node runs at most this many children at once when it sets no `concurrency` (runPipeline's default).
const DEFAULT_PIPELINE_CONCURRENCY = 8;

/**
 * The most calls a pipeline can have in flight at once: what a warm-up must open so thread-pool start-up
 * stays out of the timings. A step node counts as one call (the Pokémon steps make one request each).
 * @example widestFanOut(pipeline.concurrent([a, b, c], { concurrency: 2 })) // 2 when a, b and c are single requests
 */
export function widestFanOut(node: PipelineNode): number {
  switch (node.type) {
    case 'request':
    case 'step':
      return 1;
    case 'sequence':
      return Math.max(1, ...node.steps.map(widestFanOut));
    case 'concurrent': {
      const widths = node.steps.map(widestFanOut);
      const sum = widths.reduce((total, width) => total + width, 0);
      return Math.max(1, Math.min(sum, (node.concurrency ?? DEFAULT_PIPELINE_CONCURRENCY) * Math.max(...widths)));
    }
  }
}
