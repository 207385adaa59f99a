// The partner page's own script: it uses the library's public API, as an embedding site may.
import { getLocale, LOCALE_CHANGE_EVENT, onLocaleChange } from '/cdn/open-city-widgets.js';

const active = document.getElementById('active-locale');
const log = document.getElementById('locale-log');

// The language's name in the page's current language (the page texts follow it: demo-texts.js).
function showActive(locale) {
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  active.textContent = `${names.of(locale)} (${locale})`;
  active.lang = locale;
}

showActive(getLocale());
// The first load of the page's language is not announced as an event.
onLocaleChange(showActive);
window.addEventListener(LOCALE_CHANGE_EVENT, (event) => {
  showActive(event.detail.locale);
  const entry = document.createElement('li');
  entry.lang = event.detail.locale;
  entry.textContent = `${new Date().toLocaleTimeString(event.detail.locale)}: oc-locale-change → ${event.detail.locale}`;
  log.prepend(entry);
});
