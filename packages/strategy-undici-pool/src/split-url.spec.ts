import { splitUrl } from './split-url';

describe('splitUrl', () => {
  it('cuts ordinary URLs into origin and path without a URL object', () => {
    expect(splitUrl('http://127.0.0.1:8080/api/v2/pokemon/1?x=1')).toEqual({ origin: 'http://127.0.0.1:8080', path: '/api/v2/pokemon/1?x=1' });
    expect(splitUrl('https://example.com')).toEqual({ origin: 'https://example.com', path: '/' });
    expect(splitUrl('http://example.com?q=1#frag')).toEqual({ origin: 'http://example.com', path: '/?q=1' });
    expect(splitUrl('http://example.com/a#frag')).toEqual({ origin: 'http://example.com', path: '/a' });
  });

  it('falls back to the WHATWG parser for unusual URLs', () => {
    expect(splitUrl('HTTP://Example.COM:80/a')).toEqual({ origin: 'http://example.com', path: '/a' });
  });

  it('rejects what a pool cannot send, saying why', () => {
    expect(() => splitUrl('/relative')).toThrow('Invalid URL "/relative": undici-pool needs an absolute http:// or https:// URL.');
    expect(() => splitUrl('ftp://example.com/x')).toThrow(/http:\/\/ and https:\/\/ only/);
    expect(() => splitUrl('http://user:pw@example.com/')).toThrow(/Authorization header/);
  });
});
