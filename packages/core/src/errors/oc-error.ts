/**
 * One error model for every widget. Each problem a widget can meet is an `OcError` of one of four
 * kinds; `announceProblem` tells the page (console, `oc-load-error`) and `problemText` tells the
 * visitor, in their language. Each kind has its own module, so that a widget loads only the
 * kinds it can meet.
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
