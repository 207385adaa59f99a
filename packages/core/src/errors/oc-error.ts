/**
 * One error model for every widget. Each problem a widget can meet is an `OcError` of one of four
 * kinds; `announceProblem` tells the page (console, `oc-load-error`) and `problemText` tells the
 * visitor, in their language.
 */
export type ProblemKind =
  /** An attribute that cannot be used as given (`time-zone="Mars/Base"`, `endpoint="ftp://x"`). */
  | 'config'
  /** A feed that could not be loaded or read. */
  | 'feed'
  /** A part of the widget's own code (a lazy chunk) that did not load. */
  | 'chunk'
  /** A receiver that answered, and refused what was sent (a 4xx other than 408 and 429). */
  | 'refused';

export abstract class OcError extends Error {
  abstract readonly problem: ProblemKind;
  /** The URL concerned, when there is one: a problem with a URL fires `oc-load-error`. */
  abstract readonly url: string | undefined;
  /** What the embedding site's developer can do about it, for the console. */
  abstract readonly advice: string;
}

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

/** A part of the widget's code that did not load (offline in between, a deploy that removed it). */
export class ChunkLoadError extends OcError {
  override readonly name = 'ChunkLoadError';
  readonly problem = 'chunk';
  readonly url = undefined;
  readonly advice = 'Check that every file of the drop-in build is served next to the entry file.';

  constructor(cause: unknown) {
    super(`A part of the widget could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/** A receiver refused what the widget sent; `reason` and `details` are the receiver's own words. */
export class RefusedError extends OcError {
  override readonly name = 'RefusedError';
  readonly problem = 'refused';
  readonly advice = 'Check that the receiver accepts what the widget sends (see the report schema).';

  constructor(
    readonly url: string,
    readonly status: number,
    readonly reason: string,
    readonly details: readonly string[] = [],
  ) {
    super(`The receiver refused the request (${status}): ${reason}`);
  }
}
