import { OcError } from './oc-error.js';

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
