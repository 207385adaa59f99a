import './translations.js';

export { OcElement, type OcEventDetails } from './base-element.js';
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
export {
  FeedController,
  type FeedStatus,
  type FeedControllerOptions,
  type LoadErrorDetail,
} from './feed/feed-controller.js';
export { FeedError, toParseError, type FeedErrorKind } from './feed/feed-error.js';
export {
  fetchFeed,
  expandFeedUrl,
  parseRetryAfter,
  type FetchFeedOptions,
  type FeedProgress,
  type FeedResponse,
} from './feed/fetch-feed.js';
export { feedErrorText, loadingText, retryText, setupProblemText } from './messages.js';
export { renderLoading, renderProblem } from './status-views.js';
export { renderIcon } from './icon.js';
export { LazyViewsController, lazyModule } from './lazy-views.js';
export { themeTokens, baseStyles } from './styles/theme.styles.js';
export { readChoice, readTokenList } from './config.js';
export { warnOnce } from './warn.js';
export * from './datetime.js';
export { foldText, foldedWords, matchesAtWordStarts } from './text.js';
