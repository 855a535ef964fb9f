import { HttpError } from '../errors/http-error';
import { ResponseBodyError } from '../errors/response-body-error';
import { interpretResponse, type RawResponse } from './raw-response';

const timings = { queuedAt: 1, startedAt: 2, endedAt: 3, attempts: 1, waitedMs: 0 };
const raw = (status: number, contentType: string, text: string): RawResponse => ({
  status,
  url: 'http://127.0.0.1/p',
  headers: { 'content-type': contentType },
  text,
  timings,
});

describe('interpretResponse', () => {
  it('parses JSON by content type and keeps text otherwise', () => {
    expect(interpretResponse({ method: 'GET' }, raw(200, 'application/json; charset=utf-8', '{"a":1}')).body).toEqual({ a: 1 });
    expect(interpretResponse({ method: 'GET' }, raw(200, 'application/problem+json', '{"a":2}')).body).toEqual({ a: 2 });
    expect(interpretResponse({ method: 'GET' }, raw(200, 'text/plain', '{"a":1}')).body).toBe('{"a":1}');
  });

  it('turns non-2xx into HttpError with status, URL and a body excerpt', () => {
    const error = (() => {
      try {
        interpretResponse({ method: 'GET' }, raw(503, 'text/plain', 'x'.repeat(500)));
      } catch (e) {
        return e as HttpError;
      }
      throw new Error('no error thrown');
    })();
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(503);
    expect(error.bodyExcerpt).toHaveLength(201);
    expect(error.message).toMatch(/^Request failed with status 503: GET http:\/\/127\.0\.0\.1\/p — x+…$/);
  });

  it('reports a broken JSON body as ResponseBodyError', () => {
    expect(() => interpretResponse({ method: 'GET' }, raw(200, 'application/json', '{"a":'))).toThrow(ResponseBodyError);
  });
});
