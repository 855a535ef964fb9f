import { Readable } from 'node:stream';
import { isResponseTooLargeError } from '../errors/error-guards';
import { readLimitedBody } from './read-limited-body';

const request = { method: 'GET' as const, url: 'http://127.0.0.1/big', maxBodyBytes: 10 };
const bytes = (...chunks: string[]): Readable => Readable.from(chunks.map((c) => Buffer.from(c)));

describe('readLimitedBody', () => {
  it('reads a body up to the limit as UTF-8, a character split across chunks included', async () => {
    const euro = Buffer.from('€');
    const split = Readable.from([Buffer.from('ab'), euro.subarray(0, 1), euro.subarray(1)]);
    expect(await readLimitedBody(split, request)).toBe('ab€');
    expect(await readLimitedBody(bytes('0123456789'), request)).toBe('0123456789');
    expect(await readLimitedBody(undefined, request)).toBe('');
  });

  it('stops as soon as the body grows past the limit and destroys the stream', async () => {
    const body = bytes('012345', '6789', 'X', 'never read');
    const error = await readLimitedBody(body, request).catch((e: unknown) => e);
    expect(isResponseTooLargeError(error) && error.limit).toBe(10);
    expect(body.destroyed).toBe(true);
  });

  it('refuses a declared content-length over the limit without reading, except for HEAD', async () => {
    const body = bytes('small');
    await expect(readLimitedBody(body, request, '11')).rejects.toThrow(
      /larger than maxBodyBytes \(10 bytes\): GET http:\/\/127\.0\.0\.1\/big/,
    );
    expect(body.destroyed).toBe(true);
    expect(await readLimitedBody(bytes(), { ...request, method: 'HEAD' as const }, '11')).toBe('');
  });
});
