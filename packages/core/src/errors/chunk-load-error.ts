import { OcError } from './oc-error.js';

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
