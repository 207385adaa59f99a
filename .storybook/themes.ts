/** Themes in the toolbar: each is a class in preview.css that sets the public --oc-* tokens. */
export const themes = {
  default: { title: 'Default', className: 'default' },
  contrast: { title: 'High contrast (dark)', className: 'contrast' },
  city: { title: 'City brand', className: 'city' },
} as const;

export type ThemeName = keyof typeof themes;
