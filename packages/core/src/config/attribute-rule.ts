/**
 * The rules an attribute's value must follow. Each element declares its rules once, in its first
 * chunk, and hands them to a `ConfigController`, which checks them, shows the problem inside the
 * widget and tells the developer what to fix. Each rule has its own module, so that a widget's
 * first download holds only the rules it uses.
 */
export interface AttributeRule<T> {
  /** What would work, for the console: `an IANA time zone such as "Europe/Warsaw"`. */
  readonly expected: string;
  /** The value when the attribute is absent (undefined: the widget decides, e.g. by its width). */
  readonly default?: T;
  /** Absent is a problem that stops the widget. */
  readonly required?: boolean;
  /** The attribute holds a URL: its problems also fire `oc-load-error`. */
  readonly url?: boolean;
  /**
   * The usable value of a present attribute. `ok: false` with a `value` means partly usable (a list
   * with one bad entry); without one, the default is used, or the widget stops when there is none
   * and the rule is `required` or `url`.
   */
  read(raw: unknown): RuleResult<T>;
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; value?: T };

/** Helpers of the rules' modules. */
export const valid = <T>(value: T): RuleResult<T> => ({ ok: true, value });
export const invalid = <T>(value?: T): RuleResult<T> => (value === undefined ? { ok: false } : { ok: false, value });
export const asText = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : String(raw ?? ''));
