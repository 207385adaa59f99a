/**
 * Core's feed loader, in a chunk of its own: the element loads it at once, in parallel with its
 * views, so that the feed starts as early as before while the first download stays small.
 */
export { FeedController } from '@open-city/core';
