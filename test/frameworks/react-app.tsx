// A React 19 + TypeScript app as a partner's developer would write it: every element, attribute
// and event handler must type-check with our types, and a misspelt one must not.
import type {} from '@open-city/widgets/react';
import type { EventSelectDetail, ServiceSelectDetail } from '@open-city/widgets';

export function PartnerPage({ onService }: { onService: (id: string) => void }) {
  return (
    <main>
      <oc-language-switcher locales="uk pl en ar" variant="list" sync-document />
      <oc-service-finder
        src="/api/services?lang={lang}"
        time-zone="Europe/Warsaw"
        page-size={10}
        sync-url
        onoc-service-select={(event: CustomEvent<ServiceSelectDetail>) => onService(event.detail.id)}
        onoc-load-error={(event) => console.warn(event.detail.url, event.detail.message)}
      />
      <oc-event-calendar
        src="/api/events.ics"
        view="month"
        month="2026-12"
        onoc-event-select={(event: CustomEvent<EventSelectDetail>) => console.log(event.detail.uid, event.detail.start)}
      />
      <oc-incident-report
        endpoint="/api/reports"
        privacy-url="/privacy"
        exit-url="https://www.google.com/"
        emergency-number="112"
        onoc-report-submitted={(event) => console.log(event.detail.reference)}
        onoc-report-queued={(event) => console.log(event.detail.id)}
      />
    </main>
  );
}

export function Mistakes() {
  return (
    <>
      {/* @ts-expect-error: the attribute is `view`, not `veiw` */}
      <oc-event-calendar src="/api/events.ics" veiw="month" />
      {/* @ts-expect-error: `variant` is `select` or `list` */}
      <oc-language-switcher variant="dropdown" />
      {/* @ts-expect-error: no such element */}
      <oc-service-fnder src="/api/services" />
    </>
  );
}
