/** Put the locale into a URL template's `{lang}` placeholders. */
export function expandFeedUrl(template: string, locale: string): string {
  return template.replaceAll('{lang}', encodeURIComponent(locale));
}
