import type { StandardSchemaV1 } from './standard-schema';

/** The one problem worth showing a user: where it is (keys from the root) and what is wrong. */
export interface SchemaIssue {
  path: (string | number)[];
  message: string;
  /** The field itself is unknown (its value was never looked at). */
  unknownField?: boolean;
}

interface UnionIssue {
  code: 'invalid_union';
  errors: StandardSchemaV1.Issue[][];
}

interface UnknownKeysIssue {
  code: 'unrecognized_keys';
  keys: string[];
}

/**
 * The most precise of a validator's issues, with its path as plain keys from the root. zod nests the
 * branches of a union inside one issue, so the deepest branch issue is the one that names the bad field.
 */
export function deepestSchemaIssue(issues: ReadonlyArray<StandardSchemaV1.Issue>): StandardSchemaV1.Issue & { path: (string | number)[] } {
  const issue = issues[0];
  const path = (issue.path ?? []).map((segment) => keyOf(segment));
  if (isUnion(issue) && issue.errors.length > 0) {
    const nested = issue.errors.flat().map((inner) => ({ ...inner, path: [...path, ...(inner.path ?? [])] }));
    return deepestSchemaIssue(nested.sort((a, b) => b.path.length - a.path.length));
  }
  return { ...issue, path };
}

/**
 * {@link deepestSchemaIssue}, worded for a user: an unknown key is reported at that key's own path, and
 * zod's "Invalid input: " prefix is dropped.
 */
export function describeSchemaIssue(issues: ReadonlyArray<StandardSchemaV1.Issue>): SchemaIssue {
  const issue = deepestSchemaIssue(issues);
  if (isUnknownKeys(issue)) {
    const others = issue.keys.length > 1 ? ` (nor are ${issue.keys.slice(1).join(', ')})` : '';
    return { path: [...issue.path, issue.keys[0]], message: `is not a known field${others}`, unknownField: true };
  }
  return { path: issue.path, message: issue.message.replace(/^Invalid input: /, '') };
}

function keyOf(segment: PropertyKey | StandardSchemaV1.PathSegment): string | number {
  const key = typeof segment === 'object' ? segment.key : segment;
  return typeof key === 'number' ? key : String(key);
}

function isUnion(issue: StandardSchemaV1.Issue): issue is StandardSchemaV1.Issue & UnionIssue {
  return (issue as Partial<UnionIssue>).code === 'invalid_union' && Array.isArray((issue as Partial<UnionIssue>).errors);
}

function isUnknownKeys(issue: StandardSchemaV1.Issue): issue is StandardSchemaV1.Issue & UnknownKeysIssue {
  return (issue as Partial<UnknownKeysIssue>).code === 'unrecognized_keys' && Array.isArray((issue as Partial<UnknownKeysIssue>).keys);
}
