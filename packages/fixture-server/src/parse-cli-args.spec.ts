import { parseCliArgs } from './parse-cli-args';

describe('parseCliArgs', () => {
  it('maps flags to server options', () => {
    expect(parseCliArgs(['--port', '8081', '--host', '0.0.0.0', '--latency', '100', '--jitter', '20', '--error-rate', '0.1', '--seed', '3'])).toEqual({
      help: false,
      options: { port: 8081, host: '0.0.0.0', latencyMs: 100, jitterMs: 20, errorRate: 0.1, seed: 3 },
    });
  });

  it('defaults to port 8080', () => {
    expect(parseCliArgs([]).options).toEqual({ port: 8080 });
  });

  it('names the flag and value in errors', () => {
    expect(() => parseCliArgs(['--latency', 'abc'])).toThrow('Invalid fixture knob --latency=abc: expected a number of milliseconds ≥ 0');
    expect(() => parseCliArgs(['--port', '70000'])).toThrow('--port=70000');
    expect(() => parseCliArgs(['--latncy', '5'])).toThrow("Unknown option '--latncy'");
  });
});
