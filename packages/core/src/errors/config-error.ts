import { OcError } from './oc-error.js';

/** An attribute that cannot be used as given. */
export class ConfigError extends OcError {
  override readonly name = 'ConfigError';
  readonly problem = 'config';

  constructor(
    /** The attribute's name, as written in HTML. */
    readonly attribute: string,
    /** The value as given. */
    readonly value: unknown,
    /** What would work, e.g. `an IANA time zone such as "Europe/Warsaw"`. */
    readonly expected: string,
    /** What the widget does instead, e.g. `using "Europe/Warsaw"`; empty when it cannot go on. */
    readonly fallback: string,
    /** Set for attributes that hold a URL. */
    readonly url: string | undefined = undefined,
  ) {
    super(
      value === undefined || value === null || value === ''
        ? `${attribute} is missing`
        : `${attribute}="${String(value)}" cannot be used`,
    );
  }

  /** No usable value and no fallback: the widget shows only the alert. */
  get blocking(): boolean {
    return this.fallback === '';
  }

  get advice(): string {
    return `Use ${this.expected}.${this.fallback ? ` Meanwhile ${this.fallback}.` : ''}`;
  }
}
