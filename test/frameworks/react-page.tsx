// A React 19 page as a partner's developer would write it, bundled by esbuild from the packages'
// dist/ (as installed from npm) and run in Chromium by run-pages.mjs: it renders the widgets, sets
// attributes and properties through React, and receives their typed events.
import '@open-city/widgets';
import type {} from '@open-city/widgets/react';
import type { EventSelectDetail, ServiceSelectDetail } from '@open-city/widgets';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

/** What the page saw, for the test to read. */
interface PageLog {
  service?: ServiceSelectDetail;
  event?: EventSelectDetail;
  renders: number;
}
const log: PageLog = { renders: 0 };
(window as unknown as { pageLog: PageLog }).pageLog = log;

const NOW = new Date('2026-11-24T10:00:00Z');

function PartnerPage() {
  const [month, setMonth] = useState('2026-11');
  const [chosen, setChosen] = useState('');
  log.renders++;
  return (
    <main>
      <h1>Pomoc dla cudzoziemców</h1>
      <oc-language-switcher variant="list" locales="en pl uk" />
      <oc-service-finder
        src="/feeds/services.json"
        page-size={5}
        heading-level={2}
        // A property, not an attribute: React 19 sets it because the element has it.
        state={{ query: 'PESEL' }}
        now={NOW}
        onoc-service-select={(event) => {
          event.preventDefault();
          log.service = event.detail;
          setChosen(event.detail.id);
        }}
      />
      <p id="chosen">{chosen}</p>
      <button type="button" id="next-month" onClick={() => setMonth('2026-12')}>
        Next month
      </button>
      <oc-event-calendar
        src="/feeds/events.ics"
        view="list"
        month={month}
        now={NOW}
        onoc-event-select={(event: CustomEvent<EventSelectDetail>) => {
          log.event = event.detail;
        }}
      />
    </main>
  );
}

createRoot(document.getElementById('app')!).render(<PartnerPage />);
