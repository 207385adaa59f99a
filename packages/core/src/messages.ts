import { msg, str } from '@lit/localize';
import type { ConfigError, OcError } from './errors/oc-error.js';
import type { FeedError } from './feed/feed-error.js';

/** Strings that several widgets show, translated once in core. */

export const loadingText = () => msg('Loading…');

export const retryText = () => msg('Try again');

export const setupProblemText = () =>
  msg('This part of the page is not set up correctly, so it cannot be shown. Please tell the owner of this website.');

export function feedErrorText(error: FeedError): string {
  switch (error.kind) {
    case 'network':
      return msg('The information could not be loaded. Check your internet connection and try again.');
    case 'timeout':
      return msg('The server is taking too long to answer. Please try again in a moment.');
    case 'http':
      if (error.status === 404) return msg('The information could not be found on the server.');
      return msg(str`The server could not send the information (error ${error.status ?? ''}). Please try again later.`);
    case 'too-large':
      return msg('There is too much information to show here.');
    case 'parse':
      return msg('The information from the server could not be read.');
    case 'config':
      return setupProblemText();
  }
}

/** An attribute that cannot be used: a widget that cannot go on says so; one that can, says it may misbehave. */
export function configProblemText(problem: ConfigError): string {
  return problem.blocking
    ? setupProblemText()
    : msg(
        'Part of this page is not set up correctly, so it may not work as intended. Please tell the owner of this website.',
      );
}

export const chunkProblemText = () => msg('A part of this page could not be loaded. Try again, or reload the page.');

/** What the visitor reads about any problem, in their language. */
export function problemText(error: OcError): string {
  switch (error.problem) {
    case 'config':
      return configProblemText(error as ConfigError);
    case 'feed':
      return feedErrorText(error as FeedError);
    case 'chunk':
      return chunkProblemText();
    case 'refused':
      return msg('The server did not accept this. Please check what you entered and try again.');
  }
}
