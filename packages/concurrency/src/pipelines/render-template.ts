import { normalizeBaseUrl } from '@waitless/core';

/** What placeholders can refer to. */
export interface TemplateScope {
  input: unknown;
  baseUrl?: string;
}

const PLACEHOLDER = /\{([A-Za-z_$][\w$]*(?:\.[\w$-]+)*)\}/g;
const VALID = /^(baseUrl|input(\.[\w$-]+)*)$/;

/** The placeholders in `text` that are not `{baseUrl}`, `{input}` or `{input.…}` (for validation at load time). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((p) => !VALID.test(p));
}

/** The value a placeholder such as `input.results.0.name` refers to; throws a message naming the missing field. */
export function resolvePlaceholder(placeholder: string, scope: TemplateScope): unknown {
  if (placeholder === 'baseUrl') {
    if (scope.baseUrl === undefined) throw new Error('{baseUrl} is used but no baseUrl was given. Pass baseUrl to runPipeline.');
    return normalizeBaseUrl(scope.baseUrl);
  }
  let value = scope.input;
  const fields = placeholder.split('.').slice(1);
  for (const [i, field] of fields.entries()) {
    if (value === null || typeof value !== 'object' || !(field in value)) {
      const at = ['input', ...fields.slice(0, i)].join('.');
      const keys = value !== null && typeof value === 'object' ? Object.keys(value).slice(0, 10).join(', ') : typeof value;
      throw new Error(`{${placeholder}}: ${at} has no field "${field}" (it has: ${keys || 'nothing'}).`);
    }
    value = (value as Record<string, unknown>)[field];
  }
  return value;
}

function scalar(placeholder: string, value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(
    `{${placeholder}} is ${value === null ? 'null' : typeof value}; only strings, numbers and booleans can go into text. ` +
      `Point it at a field, e.g. {${placeholder}.name}.`,
  );
}

/**
 * Fills a URL template. A placeholder at the very start is inserted as is (it is the base, e.g.
 * `{baseUrl}` or `{input.url}`); later ones are URL-encoded so a value cannot change the path.
 */
export function renderUrl(template: string, scope: TemplateScope): string {
  return template.replace(PLACEHOLDER, (_, placeholder: string, offset: number) => {
    const text = scalar(placeholder, resolvePlaceholder(placeholder, scope));
    return offset === 0 ? text : encodeURIComponent(text);
  });
}

/**
 * Fills placeholders in every string inside `value` (headers, JSON bodies, step args). A string that is
 * exactly one placeholder becomes the value itself, keeping its type (a number stays a number).
 */
export function renderValue(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') {
    const whole = /^\{([^{}]+)\}$/.exec(value);
    if (whole && VALID.test(whole[1])) return resolvePlaceholder(whole[1], scope);
    return value.replace(PLACEHOLDER, (match, placeholder: string) =>
      VALID.test(placeholder) ? scalar(placeholder, resolvePlaceholder(placeholder, scope)) : match,
    );
  }
  if (Array.isArray(value)) return value.map((v) => renderValue(v, scope));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderValue(v, scope)]));
  return value;
}
