/**
 * Themes in the toolbar and in the theme gallery (stories/theme-gallery.stories.ts): each is a class
 * in preview.css that sets only the public --oc-* tokens (docs/theming.md), as an embedding page would.
 */
export const themes = {
  default: { title: 'Default', className: 'default' },
  contrast: { title: 'High contrast (dark)', className: 'contrast' },
  city: { title: 'City brand (burgundy, square corners, 18 px)', className: 'city' },
  harbour: { title: 'Harbour city (teal, round corners, roomy)', className: 'harbour' },
} as const;

export type ThemeName = keyof typeof themes;
