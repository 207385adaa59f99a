import { msg, str } from '@lit/localize';

/**
 * The strings the form shows before its views have loaded, or from its own logic: the emergency
 * number, the quick exit, and outcome notices. Kept apart from messages.ts so that they are in the
 * element's first chunk and the rest of the form's text loads with the views.
 */
export const shellText = {
  emergency: () => msg('In danger now? Call'),
  quickExit: () => msg('Leave this page quickly'),
  quickExitHint: () => msg('Or press Esc three times.'),
  noEndpoint: () =>
    msg(
      'This form cannot send reports yet, because the website has not set it up. In an emergency, call the number above.',
    ),
  earlierSent: (reference: string) => msg(str`Your earlier report was sent. Reference number: ${reference}`),
  discarded: () => msg('The saved report was deleted.'),
  sendingStatus: () => msg('Sending your report…'),
};
