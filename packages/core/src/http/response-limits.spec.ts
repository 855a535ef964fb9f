import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_REDIRECTS, responseLimits } from './response-limits';

describe('responseLimits', () => {
  const url = 'http://127.0.0.1/x';

  it('applies the defaults, lets the request set its own and per-call options win', () => {
    expect(responseLimits({ url })).toEqual({ maxBodyBytes: DEFAULT_MAX_BODY_BYTES, maxRedirects: DEFAULT_MAX_REDIRECTS });
    expect(responseLimits({ url, maxBodyBytes: 100, maxRedirects: 0 })).toEqual({ maxBodyBytes: 100, maxRedirects: 0 });
    expect(responseLimits({ url, maxBodyBytes: 100, maxRedirects: 2 }, { maxBodyBytes: 50 })).toEqual({
      maxBodyBytes: 50,
      maxRedirects: 2,
    });
  });
});
