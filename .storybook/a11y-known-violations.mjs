/**
 * Accessibility violations that `npm test`'s Storybook check (scripts/storybook-smoke.mjs) accepts for
 * now: the only place where one may be allowed. Each entry names the axe rule, the story id (`*`
 * matches anything), optionally the locales and a part of the node's target, and why it is allowed
 * and who fixes it. An entry that matches nothing fails the check, so the list only shrinks.
 *
 * @type {{ rule: string, story: string, locales?: string[], target?: string, reason: string }[]}
 */
export const knownViolations = [];
