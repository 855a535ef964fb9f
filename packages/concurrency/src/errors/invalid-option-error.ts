import { WaitlessError } from '@waitless/core/plugin';

/** An option passed to a combinator or decorator is out of range; names the option, the value and what is allowed. */
export class InvalidOptionError extends WaitlessError {
  override name = 'InvalidOptionError' as const;
  override readonly kind = 'invalid-option' as const;
  override readonly userFixable = true;

  constructor(
    readonly option: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`Invalid option "${option}": got ${describe(value)}; expected ${expected}.`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  return Object.prototype.toString.call(value);
}
