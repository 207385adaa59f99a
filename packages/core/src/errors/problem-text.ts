import { msg } from '@lit/localize';
import { feedErrorText } from '../feed/feed-messages.js';
import { chunkProblemText } from '../lazy-views.js';
import { configProblemText } from '../messages.js';
import type { ConfigError } from './config-error.js';
import type { FeedError } from '../feed/feed-error.js';
import type { OcError } from './oc-error.js';

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
