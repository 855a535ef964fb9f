// The longest URL an error message repeats: enough to recognise it, not enough to flood a terminal
// (a 10 MB URL once produced 30 MB of error output).
const MAX_URL_LENGTH = 300;
// Every `scheme://user:pass@` in a text, up to the last `@` before the host ends.
const USER_INFO = /\b([a-z][a-z\d+.-]*:\/\/)[^/?#\s]*@/gi;

/**
 * `url` without its credentials (`http://user:secret@host/` becomes `http://***@host/`). Works on any string,
 * a malformed URL or a message that quotes URLs included, so it is safe on whatever a user typed or a
 * transport reported.
 * @example redactUrl('https://me:pw@127.0.0.1/x'); // 'https://***@127.0.0.1/x'
 */
export function redactUrl(url: string): string {
  return url.replace(USER_INFO, '$1***@');
}

/**
 * `url` as error messages and logs show it: credentials redacted, and cut to 300 characters with the
 * original length noted.
 * @example urlForMessage(`http://127.0.0.1/${'a'.repeat(10_000_000)}`); // 'http://127.0.0.1/aaa… (10000017 characters)'
 */
export function urlForMessage(url: string): string {
  const redacted = redactUrl(url);
  return redacted.length <= MAX_URL_LENGTH ? redacted : `${redacted.slice(0, MAX_URL_LENGTH)}… (${redacted.length} characters)`;
}
