import { msg, str } from '@lit/localize';
import { setupProblemText } from '../messages.js';
import type { FeedError } from './feed-error.js';

/** What the visitor reads when a feed could not be used, by the reason. */
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
      return msg(
        'There is too much information to show here at once. The site that publishes it can offer it in smaller parts.',
      );
    case 'parse':
      return msg('The information from the server could not be read.');
    case 'config':
      return setupProblemText();
  }
}
