import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { directionOf, endonym, getLocale, setLocale, supportedLocales } from '@open-city/core';
import { themes, type ThemeName } from './themes.js';
import './preview.css';

interface ManifestMember {
  privacy?: string;
  static?: boolean;
}
interface ManifestModule {
  declarations?: { members?: ManifestMember[] }[];
}

// Every package's custom-elements.json (written by `npm run build`), merged for autodocs. A package
// without one yet is simply absent from the glob.
const manifests = import.meta.glob<{ modules?: ManifestModule[] }>('../packages/*/custom-elements.json', {
  eager: true,
  import: 'default',
});

/** Autodocs lists every member of the manifest: keep only the public API (no private state, no statics). */
function publicApi(module: ManifestModule): ManifestModule {
  return {
    ...module,
    declarations: module.declarations?.map((declaration) => ({
      ...declaration,
      members: declaration.members?.filter(
        (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected',
      ),
    })),
  };
}

setCustomElementsManifest({
  schemaVersion: '1.0.0',
  modules: Object.values(manifests).flatMap((manifest) => (manifest.modules ?? []).map(publicApi)),
});

/** Puts the story in the toolbar's language (right to left for Arabic) and theme. */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale = String(context.globals.locale ?? 'en');
  const theme = themes[(context.globals.theme as ThemeName) ?? 'default'] ?? themes.default;
  return html`<div class="story-frame theme-${theme.className}" dir=${directionOf(locale)} lang=${locale}>
    ${story()}
  </div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withLocaleAndTheme],
  // Switch the page language before the story renders, so it never shows another language first.
  loaders: [
    async ({ globals }) => {
      const locale = String(globals.locale ?? 'en');
      if (getLocale() !== locale) await setLocale(locale);
      return {};
    },
  ],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: supportedLocales.map((locale) => ({
          value: locale,
          title: `${endonym(locale)}${directionOf(locale) === 'rtl' ? ' (RTL)' : ''}`,
          right: locale,
        })),
      },
    },
    theme: {
      description: 'Theme (custom properties set by the embedding page)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        dynamicTitle: true,
        items: Object.entries(themes).map(([value, { title }]) => ({ value, title })),
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'default' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
