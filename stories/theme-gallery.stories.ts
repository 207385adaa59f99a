import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '@open-city/language-switcher/define.js';
import '@open-city/service-finder/define.js';
import '@open-city/event-calendar/define.js';
import '@open-city/incident-report/define.js';
import icsText from '../packages/event-calendar/sample/krakow-events.ics?raw';
import { themes } from '../.storybook/themes.js';

/** One service and the sample events, so that every theme shows a card, a filter and an event. */
const services = JSON.stringify([
  {
    id: 'gallery-112',
    name: 'Emergency number 112',
    status: 'active',
    description: 'Call 112 when a life, health or property is in danger. Operators can answer in English.',
    phones: [{ number: '112' }],
    languages: [{ code: 'pl' }, { code: 'en' }, { code: 'uk' }],
    cost_options: [{ option: 'Free', amount: 0 }],
  },
]);
/** A finder whose one service sits in a child `<script type="application/json">`. */
function finder(): HTMLElement {
  const element = document.createElement('oc-service-finder');
  element.setAttribute('heading-level', '3');
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = services;
  element.append(script);
  return element;
}
const EVENTS = URL.createObjectURL(new Blob([icsText], { type: 'text/calendar' }));
const NOW = new Date('2026-11-24T10:00:00Z');

const meta: Meta = {
  title: 'Theming/Theme gallery',
  parameters: { layout: 'fullscreen' },
};
export default meta;

/**
 * Every theme of the toolbar side by side, each set by an embedding page through the public
 * `--oc-*` custom properties only (docs/theming.md): the four widgets in each, so that a city can
 * compare its brand with the default and the high-contrast theme.
 */
export const AllThemes: StoryObj = {
  render: () =>
    html`<div class="theme-gallery">
      ${Object.entries(themes).map(
        ([name, theme]) =>
          html`<section class="story-frame theme-${theme.className}" aria-labelledby="theme-${name}">
            <h2 id="theme-${name}">${theme.title}</h2>
            <oc-language-switcher variant="list" locales="en pl uk ar"></oc-language-switcher>
            ${finder()}
            <oc-event-calendar
              .now=${NOW}
              src=${EVENTS}
              view="list"
              month="2026-11"
              heading-level="3"
            ></oc-event-calendar>
            <oc-incident-report endpoint="/story-receiver/ok/gallery-${name}" heading-level="3"></oc-incident-report>
          </section>`,
      )}
    </div>`,
  play: async ({ canvasElement }) => {
    const sections = canvasElement.querySelectorAll('.theme-gallery > section');
    await expect(sections.length).toBe(Object.keys(themes).length);
    // Each theme's accent reaches the widgets: the computed token differs between themes.
    await waitFor(() =>
      expect(canvasElement.querySelectorAll('oc-service-finder')[0].shadowRoot?.childElementCount).toBeGreaterThan(0),
    );
    const accents = [...sections].map((section) =>
      getComputedStyle(section.querySelector('oc-service-finder')!).getPropertyValue('--oc-color-accent').trim(),
    );
    await expect(new Set(accents).size).toBe(accents.length);
  },
};
