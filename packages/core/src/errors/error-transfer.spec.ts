import { HttpError } from './http-error';
import { TimeoutError } from './timeout-error';
import { reviveError, transferError } from './error-transfer';

describe('error transfer across threads', () => {
  it('rebuilds typed errors after a structured clone', () => {
    const cloned = structuredClone(transferError(new HttpError(429, 'GET', 'http://127.0.0.1/x', 'slow down', { 'retry-after': '1' })));
    const revived = reviveError(cloned) as HttpError;
    expect(revived).toBeInstanceOf(HttpError);
    expect(revived.status).toBe(429);
    expect(revived.headers).toEqual({ 'retry-after': '1' });
    expect(revived.message).toBe('Request failed with status 429: GET http://127.0.0.1/x — slow down');
    expect(reviveError(structuredClone(transferError(new TimeoutError(50, 'GET', 'u'))))).toBeInstanceOf(TimeoutError);
  });

  it('keeps the name, message and cloneable fields of other errors', () => {
    class CustomError extends Error {
      override name = 'CustomError';
      code = 'E_CUSTOM';
    }
    const revived = reviveError(structuredClone(transferError(new CustomError('boom')))) as Error & { code: string };
    expect([revived.name, revived.message, revived.code]).toEqual(['CustomError', 'boom', 'E_CUSTOM']);
    expect(reviveError(transferError('plain string')).message).toBe('plain string');
  });
});
