import { warnOnce } from '../warn.js';
import type { OcError } from './oc-error.js';

export interface LoadErrorDetail {
  url: string;
  message: string;
}

/**
 * Tell the page about a problem, the same way in every widget: one console warning with what to
 * fix, and `oc-load-error` when a URL is concerned (a feed, a URL attribute). Showing it to the
 * visitor is the widget's render, with `renderProblem(problemText(error))`.
 */
export function announceProblem(host: HTMLElement, error: OcError): void {
  warnOnce(host, `${error.message}. ${error.advice}`);
  if (error.url === undefined) return;
  host.dispatchEvent(
    new CustomEvent<LoadErrorDetail>('oc-load-error', {
      detail: { url: error.url, message: error.message },
      bubbles: true,
      composed: true,
    }),
  );
}
