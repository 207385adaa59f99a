import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@open-city/language-switcher/define.js';

interface SwitcherArgs {
  variant: 'select' | 'list';
  locales: string;
  syncDocument: boolean;
}

const meta: Meta<SwitcherArgs> = {
  title: 'Widgets/Language switcher',
  component: 'oc-language-switcher',
  args: { variant: 'select', locales: '', syncDocument: false },
  argTypes: {
    variant: { control: 'inline-radio', options: ['select', 'list'] },
    locales: { control: 'text', description: 'Space-separated locales; empty for all' },
  },
  render: ({ variant, locales, syncDocument }) =>
    html`<oc-language-switcher
      variant=${variant}
      locales=${locales || nothing}
      ?sync-document=${syncDocument}
    ></oc-language-switcher>`,
};
export default meta;

type Story = StoryObj<SwitcherArgs>;

/** The default: a labelled drop-down, each language named in itself. */
export const Select: Story = {};

/** Every language visible at once; the current one is marked. Arrow keys move between them. */
export const List: Story = { args: { variant: 'list' } };

/** A site that offers only some languages, in its own order. */
export const LimitedLocales: Story = { args: { locales: 'pl uk en' } };

/** Also sets `lang` and `dir` on `<html>`, for pages whose own text follows the switcher. */
export const SyncDocument: Story = { args: { syncDocument: true } };

/** Right to left: pick Arabic in the toolbar, or open this story. */
export const Arabic: Story = { args: { variant: 'list' }, globals: { locale: 'ar' } };

/** `locales` names nothing usable: a localized alert, and every language is still offered. */
export const BadLocales: Story = { args: { locales: 'xx yy' } };

/** An unknown `variant` falls back to the drop-down, with a console warning for the developer. */
export const BadVariant: Story = {
  render: () => html`<oc-language-switcher variant="dropdown"></oc-language-switcher>`,
};

/** The embedding page's high-contrast tokens. */
export const HighContrast: Story = { args: { variant: 'list' }, globals: { theme: 'contrast' } };

/** Both variants in a narrow, 320 px column: nothing overflows. */
export const Narrow: Story = {
  render: () =>
    html`<div class="narrow-320">
      <oc-language-switcher></oc-language-switcher>
      <oc-language-switcher variant="list"></oc-language-switcher>
    </div>`,
};
