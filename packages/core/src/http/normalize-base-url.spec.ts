import { normalizeBaseUrl } from './normalize-base-url';

describe('normalizeBaseUrl', () => {
  it('drops every trailing slash and nothing else', () => {
    expect(normalizeBaseUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
    expect(normalizeBaseUrl('http://localhost:8080/api//')).toBe('http://localhost:8080/api');
    expect(normalizeBaseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(normalizeBaseUrl('http://127.0.0.1//b')).toBe('http://127.0.0.1//b');
  });
});
