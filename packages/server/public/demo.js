// The partner page's own script: it uses the library's public API, as an embedding site may.
import { getLocale, LOCALE_CHANGE_EVENT } from '/cdn/open-city-widgets.js';

const active = document.getElementById('active-locale');
const log = document.getElementById('locale-log');
const names = new Intl.DisplayNames(['pl'], { type: 'language' });

function showActive(locale) {
  active.textContent = `${names.of(locale)} (${locale})`;
  active.lang = 'pl';
}

showActive(getLocale());
window.addEventListener(LOCALE_CHANGE_EVENT, (event) => {
  showActive(event.detail.locale);
  const entry = document.createElement('li');
  entry.textContent = `${new Date().toLocaleTimeString('pl')}: oc-locale-change → ${event.detail.locale}`;
  log.prepend(entry);
});
