import { ResponseTooLargeError } from '../errors/response-too-large-error';
import type { PreparedRequest } from './prepared-request';

/**
 * Reads a response body as UTF-8 text, but no more than `prepared.maxBodyBytes`: a declared
 * `content-length` over the limit fails before reading, and a body that grows past it (chunked, or lying
 * about its length) fails as soon as it does, with `ResponseTooLargeError`. Either way the stream is
 * cancelled, which drops the connection, so the rest is never downloaded.
 * Works on any async iterable of bytes: a web `ReadableStream`, a Node `Readable`, undici's body.
 * @example const text = await readLimitedBody(response.body, prepared, response.headers.get('content-length'));
 */
export async function readLimitedBody(
  body: AsyncIterable<Uint8Array> | null | undefined,
  prepared: Pick<PreparedRequest, 'method' | 'url' | 'maxBodyBytes'>,
  contentLength?: string | null,
): Promise<string> {
  const limit = prepared.maxBodyBytes;
  if (!body) return '';
  // A HEAD answer declares the length of a body it does not send.
  if (prepared.method !== 'HEAD' && contentLength && Number(contentLength) > limit) {
    await discard(body);
    throw new ResponseTooLargeError(prepared.method, prepared.url, limit);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += chunk.byteLength;
    if (length > limit) throw new ResponseTooLargeError(prepared.method, prepared.url, limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length).toString('utf8');
}

/** Drops an unread body (and with it the connection): a web stream is cancelled, a Node stream destroyed. */
async function discard(body: AsyncIterable<Uint8Array> & { cancel?: () => Promise<void>; destroy?: () => void }): Promise<void> {
  if (typeof body.cancel === 'function') await body.cancel();
  else body.destroy?.();
}
