import './translations.js';

export { OcElement } from './base-element.js';
export type { OcEventDetails, OcEventMap } from './events.js';
export { VERSION } from './version.js';
export {
  sourceLocale,
  supportedLocales,
  isSupportedLocale,
  matchLocale,
  directionOf,
  type Locale,
} from './locale/locales.js';
export {
  getLocale,
  setLocale,
  onLocaleChange,
  localeLoading,
  registerTranslations,
  resolveLocale,
  readStoredLocale,
  LOCALE_CHANGE_EVENT,
  LOCALE_STORAGE_KEY,
  type LocaleChangeDetail,
  type LocaleSources,
  type SetLocaleOptions,
  type TranslationLoaders,
} from './locale/page-locale.js';
export { LocaleController } from './locale/locale-controller.js';
export { endonym } from './locale/endonyms.js';
export { FeedController, type FeedStatus, type FeedControllerOptions } from './feed/feed-controller.js';
export { FeedError, toParseError, type FeedErrorKind } from './feed/feed-error.js';
export {
  fetchFeed,
  expandFeedUrl,
  parseRetryAfter,
  type FetchFeedOptions,
  type FeedProgress,
  type FeedResponse,
} from './feed/fetch-feed.js';
export { configProblemText, loadingText, retryText, setupProblemText } from './messages.js';
export { feedErrorText } from './feed/feed-messages.js';
export { problemText } from './errors/problem-text.js';
export { OcError, type ProblemKind } from './errors/oc-error.js';
export { ConfigError } from './errors/config-error.js';
export { ChunkLoadError } from './errors/chunk-load-error.js';
export { RefusedError } from './errors/refused-error.js';
export { announceProblem, type LoadErrorDetail } from './errors/announce.js';
export { ConfigController } from './config/config-controller.js';
export type { AttributeRule, RuleResult } from './config/attribute-rule.js';
export { timeZoneRule } from './config/time-zone-rule.js';
export { oneOfRule } from './config/one-of-rule.js';
export { integerRule } from './config/integer-rule.js';
export { monthRule } from './config/month-rule.js';
export { headingLevelRule } from './config/heading-level-rule.js';
export { headingTag } from './heading.js';
export { urlRule, urlListRule, type UrlRuleOptions } from './config/url-rules.js';
export { safeUrl, webUrl, secureWebUrl, LINK_PROTOCOLS, WEB_PROTOCOLS } from './url.js';
export { isTransientStatus, backoffDelay } from './retry.js';
export { renderLoading, renderProblem } from './status-views.js';
export { renderIcon } from './icon.js';
export { LazyViewsController, lazyModule, chunkProblemText } from './lazy-views.js';
export { themeTokens, baseStyles } from './styles/theme.styles.js';
export { readTokenList } from './config/read-attributes.js';
export { warnOnce } from './warn.js';
export * from './datetime.js';
export { foldText, foldedWords, letterFolds, matchesAtWordStarts } from './text.js';
export {
  isJsonObject,
  ownField,
  readText,
  readNumber,
  readArray,
  readObjects,
  oneOrMany,
  type JsonObject,
} from './json-fields.js';
export { yieldToMain, runToEnd, runInSlices, sliced, type SlicedWork, type SliceOptions } from './slices.js';
export { plainText, stripTags, decodeEntities, wellFormedText, truncateText, MAX_TEXT_LENGTH } from './plain-text.js';
export { plannedLocales, languageOf, type PlannedLocale } from './locale/locales.js';
export {
  intlLocale,
  numberingSystemOf,
  hasIntlData,
  loadFallbackFormats,
  numberFormat,
  pluralRules,
  listFormat,
  displayNames,
  timeZoneName,
} from './intl-locale.js';
export { parseJsonWork } from './json-slices.js';
