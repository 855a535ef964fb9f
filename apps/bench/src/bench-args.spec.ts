import { BenchUsageError, parseBenchArgs } from './bench-args';

describe('parseBenchArgs', () => {
  it('runs every section with no flags', () => {
    expect(parseBenchArgs([])).toEqual({
      json: false,
      quick: false,
      sections: ['seed', 'throughput', 'coldStart', 'dispatch', 'loopLag', 'memory', 'tracing'],
      clients: undefined,
      svgPath: undefined,
      noSvg: false,
      verbose: false,
      help: false,
    });
  });

  it('reads --quick --json and keeps --only sections in run order', () => {
    const args = parseBenchArgs(['--quick', '--json', '--only', 'memory,seed']);
    expect(args).toMatchObject({ quick: true, json: true, sections: ['seed', 'memory'] });
  });

  it('keeps --clients in their canonical order', () => {
    expect(parseBenchArgs(['--clients', 'got, native-async']).clients).toEqual(['native-async', 'got']);
  });

  it('names an unknown section, client or flag', () => {
    expect(() => parseBenchArgs(['--only', 'seed,latency'])).toThrow(
      'Unknown section in --only "seed,latency". Sections: seed, throughput, coldStart, dispatch, loopLag, memory, tracing.',
    );
    expect(() => parseBenchArgs(['--clients', 'superagent'])).toThrow('Unknown client in --clients "superagent". Clients: native-async,');
    expect(() => parseBenchArgs(['--fast'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--svg', 'a.svg', '--no-svg'])).toThrow('either --svg PATH or --no-svg');
  });
});
