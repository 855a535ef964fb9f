import { normalizeBaseUrl } from './normalize-base-url';

describe('normalizeBaseUrl', () => {
  it('drops every trailing slash and nothing else', () => {
    expect(normalizeBaseUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
    expect(normalizeBaseUrl('https://pokeapi.co/api//')).toBe('https://pokeapi.co/api');
    expect(normalizeBaseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(normalizeBaseUrl('http://a//b')).toBe('http://a//b');
  });
});
