import { msg } from '@lit/localize';
import type { ConfigError } from './errors/config-error.js';

/** Strings that several widgets show, translated once in core. */

export const loadingText = () => msg('Loading…');

export const retryText = () => msg('Try again');

export const setupProblemText = () =>
  msg('This part of the page is not set up correctly, so it cannot be shown. Please tell the owner of this website.');

/** An attribute that cannot be used: a widget that cannot go on says so; one that can, says it may misbehave. */
export function configProblemText(problem: ConfigError): string {
  return problem.blocking
    ? setupProblemText()
    : msg(
        'Part of this page is not set up correctly, so it may not work as intended. Please tell the owner of this website.',
      );
}
