/**
 * Turns a display name such as `Mr. Mime` or `Flabébé` into the lowercase slug PokeAPI uses
 * (`mr-mime`, `flabebe`): accents dropped, spaces become `-`, anything outside `[a-z0-9-]` removed.
 * The gender symbols become `-f` / `-m` as on PokeAPI (`nidoran-f`), so no two names collide.
 */
export function toPokeApiName(displayName: string): string {
  return displayName
    .replace(/♀/g, '-f')
    .replace(/♂/g, '-m')
    .normalize('NFD')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9-]/g, '');
}
