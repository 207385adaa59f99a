import { msg, str } from '@lit/localize';
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
