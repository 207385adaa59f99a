/** The form's steps, in order: the element's first chunk needs them to restore a draft. */
export const steps = ['role', 'what', 'where', 'when', 'details', 'evidence', 'contact', 'review'] as const;
export type Step = (typeof steps)[number];
