import { pipeline } from '@waitless/concurrency';
import { widestFanOut } from './pipeline-width';

describe('widestFanOut', () => {
  const request = pipeline.request({ url: '{baseUrl}/api/v2/pokemon/1' });

  it('is 1 for a single call and for calls in sequence', () => {
    expect(widestFanOut(request)).toBe(1);
    expect(widestFanOut(pipeline.sequence([request, request, pipeline.step('pick', { path: 'name' })]))).toBe(1);
  });

  it('adds up concurrent children, bounded by the node concurrency', () => {
    expect(widestFanOut(pipeline.concurrent([request, request, request]))).toBe(3);
    expect(widestFanOut(pipeline.concurrent([request, request, request], { concurrency: 2 }))).toBe(2);
    const nested = pipeline.concurrent([pipeline.concurrent([request, request]), request]);
    expect(widestFanOut(pipeline.sequence([request, nested]))).toBe(3);
  });
});
