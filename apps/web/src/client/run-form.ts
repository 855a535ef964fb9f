import { RUN_LIMITS, type RunMode, type RunParams } from '../shared/run-events';
import { $ } from './dom';

/** A number input of the form: its element id, the run parameter it sets, its URL key and what a user is told when it is wrong. */
interface NumberField {
  id: string;
  param: 'count' | 'concurrency' | 'latencyMs' | 'errorRate';
  query: string;
  min: number;
  max: number;
  integer: boolean;
  /** The input shows a percentage; the run parameter is a fraction. */
  percent?: boolean;
  message: string;
}

const NUMBER_FIELDS: readonly NumberField[] = [
  {
    id: 'count',
    param: 'count',
    query: 'count',
    ...RUN_LIMITS.count,
    integer: true,
    message: 'Enter a whole number of requests from 1 to 500.',
  },
  {
    id: 'concurrency',
    param: 'concurrency',
    query: 'concurrency',
    ...RUN_LIMITS.concurrency,
    integer: true,
    message: 'Enter how many requests may run at once: a whole number from 1 to 500.',
  },
  {
    id: 'latency',
    param: 'latencyMs',
    query: 'latency',
    ...RUN_LIMITS.latencyMs,
    integer: false,
    message: 'Enter a latency from 0 to 5000 ms.',
  },
  {
    id: 'error-rate',
    param: 'errorRate',
    query: 'errors',
    min: RUN_LIMITS.errorRate.min * 100,
    max: RUN_LIMITS.errorRate.max * 100,
    integer: false,
    percent: true,
    message: 'Enter an error rate from 0 to 100 %.',
  },
];

/** The run form: reads and validates its inputs, shows errors at the field, and round-trips its inputs through a URL. */
export class RunForm {
  private readonly strategy: HTMLSelectElement;
  private readonly target: HTMLSelectElement;

  constructor(private readonly form: HTMLFormElement) {
    this.strategy = $<HTMLSelectElement>('#strategy', form);
    this.target = $<HTMLSelectElement>('#target', form);
    for (const field of NUMBER_FIELDS) {
      const input = this.input(field);
      input.min = String(field.min);
      input.max = String(field.max);
      // Checked on Run; once flagged, re-checked as the user types so the error goes away when fixed. Not on blur:
      // an error appearing then would move the button under a pointer that is pressing it.
      input.addEventListener('input', () => {
        if (input.getAttribute('aria-invalid') === 'true') this.check(field);
      });
    }
    this.form.addEventListener('change', () => this.syncMode());
    this.syncMode();
  }

  private input(field: NumberField): HTMLInputElement {
    return $<HTMLInputElement>(`#${field.id}`, this.form);
  }

  private mode(): RunMode {
    return (this.form.elements.namedItem('mode') as RadioNodeList).value as RunMode;
  }

  private syncMode(): void {
    $<HTMLInputElement>('#concurrency', this.form).disabled = this.mode() === 'sequential';
  }

  /** Whether one field's value is valid; shows or clears its error. */
  private check(field: NumberField): boolean {
    const input = this.input(field);
    if (input.disabled) {
      this.setError(field.id, undefined);
      return true;
    }
    const raw = input.value.trim();
    const value = Number(raw);
    const ok =
      raw !== '' && Number.isFinite(value) && value >= field.min && value <= field.max && (!field.integer || Number.isInteger(value));
    this.setError(field.id, ok ? undefined : field.message);
    return ok;
  }

  /** Shows `message` under the field with element id `id` (or clears it), wiring `aria-invalid` and `aria-describedby`. */
  setError(id: string, message: string | undefined): void {
    const input = $<HTMLInputElement | HTMLSelectElement>(`#${id}`, this.form);
    const error = $<HTMLElement>(`#${id}-error`, this.form);
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((t) => t && t !== error.id);
    if (message) {
      error.textContent = message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      described.push(error.id);
    } else {
      error.textContent = '';
      error.hidden = true;
      input.removeAttribute('aria-invalid');
    }
    if (described.length > 0) input.setAttribute('aria-describedby', described.join(' '));
    else input.removeAttribute('aria-describedby');
  }

  /**
   * Shows an error the server gave for run parameter `param` at its field, in the form's own words for the
   * number fields. False when no field matches (the caller shows it elsewhere).
   */
  showServerError(param: string | undefined, message: string): boolean {
    const field = NUMBER_FIELDS.find((f) => f.param === param);
    if (field) {
      this.setError(field.id, field.message);
      this.input(field).focus();
      return true;
    }
    if (param === 'strategy' || param === 'target') {
      this.setError(param, message);
      $<HTMLSelectElement>(`#${param}`, this.form).focus();
      return true;
    }
    return false;
  }

  /** The validated inputs, or undefined after showing the errors at their fields and focusing the first. */
  read(): RunParams | undefined {
    const invalid = NUMBER_FIELDS.filter((field) => !this.check(field));
    if (invalid.length > 0) {
      this.input(invalid[0]).focus();
      return undefined;
    }
    const value = (field: NumberField): number => {
      const number = Number(this.input(field).value);
      return field.percent ? number / 100 : number;
    };
    const [count, concurrency, latencyMs, errorRate] = NUMBER_FIELDS.map(value);
    return {
      strategy: this.strategy.value,
      target: this.target.value || 'fixture',
      mode: this.mode(),
      count,
      concurrency,
      latencyMs,
      errorRate,
    };
  }

  /** The inputs as a query string (`?strategy=…&count=…&errors=10`), for a shareable URL. */
  toQuery(): string {
    const query = new URLSearchParams();
    if (this.strategy.value) query.set('strategy', this.strategy.value);
    if (this.target.value && this.target.value !== 'fixture') query.set('target', this.target.value);
    query.set('mode', this.mode());
    for (const field of NUMBER_FIELDS) query.set(field.query, this.input(field).value);
    return `?${query.toString()}`;
  }

  /** Fills the inputs from a query string made by {@link toQuery}; unknown values are left as they are and checked on Run. */
  fromQuery(search: string): void {
    const query = new URLSearchParams(search);
    const strategy = query.get('strategy');
    if (strategy && [...this.strategy.options].some((o) => o.value === strategy)) this.strategy.value = strategy;
    const target = query.get('target');
    if (target && [...this.target.options].some((o) => o.value === target)) this.target.value = target;
    const mode = query.get('mode');
    if (mode === 'gather' || mode === 'sequential') {
      (this.form.querySelector<HTMLInputElement>(`input[name="mode"][value="${mode}"]`) as HTMLInputElement).checked = true;
    }
    for (const field of NUMBER_FIELDS) {
      const value = query.get(field.query);
      if (value !== null) this.input(field).value = value;
    }
    this.syncMode();
  }
}
