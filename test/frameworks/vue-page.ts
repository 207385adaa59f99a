// A Vue 3 page (a component with defineComponent and h, no SFC compiler), bundled by esbuild from
// the packages' dist/ and run in Chromium by run-pages.mjs. Props and listeners are typed from the
// generated Vue types (@open-city/widgets/vue, GlobalComponents), checked by tsc
// (tsconfig.vue.json): a misspelt attribute or a wrong event detail does not compile.
import '@open-city/widgets';
import type {} from '@open-city/widgets/vue';
import type { EventSelectDetail, LocaleChangeDetail } from '@open-city/widgets';
import { createApp, defineComponent, h, ref, type GlobalComponents } from 'vue';

type Tag = 'oc-language-switcher' | 'oc-service-finder' | 'oc-incident-report' | 'oc-event-calendar';
/** An element's attributes, properties and listeners (`onOcEventSelect` for `@oc-event-select`). */
type Props<K extends Tag> = InstanceType<GlobalComponents[K]>['$props'];

/** `h` for our elements, with their attribute, property and event types (`h` itself types no tag). */
export function widget<K extends Tag>(tag: K, props: NoInfer<Props<K>>) {
  return h(tag, props);
}

interface PageLog {
  locale?: string;
  event?: EventSelectDetail;
}
const log: PageLog = {};
(window as unknown as { pageLog: PageLog }).pageLog = log;

const NOW = new Date('2026-11-24T10:00:00Z');

const PartnerPage = defineComponent({
  setup() {
    const view = ref<'list' | 'month'>('list');
    return () =>
      h('main', [
        h('h1', 'Wydarzenia'),
        widget('oc-language-switcher', {
          variant: 'list',
          locales: 'en pl uk',
          onOcLocaleChange: (event: CustomEvent<LocaleChangeDetail>) => {
            log.locale = event.detail.locale;
          },
        }),
        h('button', { id: 'month-view', type: 'button', onClick: () => (view.value = 'month') }, 'Month'),
        widget('oc-event-calendar', {
          src: '/feeds/events.ics',
          view: view.value,
          month: '2026-11',
          now: NOW,
          onOcEventSelect: (event) => {
            log.event = event.detail;
          },
        }),
        widget('oc-incident-report', { endpoint: '/feeds/reports', 'emergency-number': '112' }),
      ]);
  },
});

createApp(PartnerPage).mount('#app');

export function mistakes() {
  return [
    // @ts-expect-error: the attribute is `view`, not `veiw`
    widget('oc-event-calendar', { veiw: 'month' }),
    // @ts-expect-error: `variant` is `select` or `list`
    widget('oc-language-switcher', { variant: 'dropdown' }),
    // @ts-expect-error: the calendar's event detail has `uid` and `start`, not `id`
    widget('oc-event-calendar', { onOcEventSelect: (event: CustomEvent<{ id: string }>) => event.detail.id }),
    // @ts-expect-error: Vue reads `onOcEventSelect`; `onoc-event-select` is not a listener it knows
    widget('oc-event-calendar', { 'onoc-event-select': () => undefined }),
  ];
}
