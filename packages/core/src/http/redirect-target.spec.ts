import { prepareRequest } from './prepared-request';
import { redirectTarget } from './redirect-target';

describe('redirectTarget', () => {
  const post = prepareRequest({
    url: 'http://127.0.0.1:8080/a/b#frag',
    method: 'POST',
    json: { x: 1 },
    headers: { Authorization: 'Bearer t', 'x-trace': '1' },
  });

  it('resolves Location against the current URL and keeps method and body on 307/308', () => {
    const next = redirectTarget(post, 307, { location: '../c?d=1' });
    expect(next).toMatchObject({ url: 'http://127.0.0.1:8080/c?d=1', method: 'POST', body: '{"x":1}' });
    expect(next?.headers).toEqual(post.headers);
  });

  it('continues a POST as a body-less GET after 301, 302 and 303', () => {
    for (const status of [301, 302, 303]) {
      const next = redirectTarget(post, status, { location: '/done' });
      expect(next).toMatchObject({ url: 'http://127.0.0.1:8080/done', method: 'GET', body: undefined });
      expect(next?.headers).toEqual({ Authorization: 'Bearer t', 'x-trace': '1' });
    }
  });

  it('drops credentials when the redirect leaves the origin', () => {
    expect(redirectTarget(post, 308, { location: 'http://localhost:9/' })?.headers).toEqual({
      'content-type': 'application/json',
      'x-trace': '1',
    });
  });

  it('is no redirect without a Location, to a scheme other than http(s), or for other statuses', () => {
    expect(redirectTarget(post, 301, {})).toBeUndefined();
    expect(redirectTarget(post, 302, { location: 'file:///etc/passwd' })).toBeUndefined();
    expect(redirectTarget(post, 302, { location: 'http://[bad' })).toBeUndefined();
    expect(redirectTarget(post, 304, { location: '/x' })).toBeUndefined();
    expect(redirectTarget(post, 200, { location: '/x' })).toBeUndefined();
  });
});
