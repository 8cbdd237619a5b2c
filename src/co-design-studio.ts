import { CoDesignStudio } from './element/co-design-studio.component.ts';
import { loadEditor } from './element/editor-controller.ts';
import type { CoDesignChangeEvent } from './element/events/change.ts';
import type { CoDesignDraftSavedEvent } from './element/events/draft-saved.ts';
import type { CoDesignErrorEvent } from './element/events/error.ts';
import type { CoDesignMetricsEvent } from './element/events/metrics.ts';
import type { CoDesignSubmitEvent } from './element/events/submit.ts';
import type { CoDesignSubmittedEvent } from './element/events/submitted.ts';
import type { CoDesignReadyEvent } from './element/events/ready.ts';

export { CoDesignStudio };

// The one global of our own: the element definition (guarded, so a page that loads us twice keeps working).
if (!customElements.get('co-design-studio')) {
  customElements.define('co-design-studio', CoDesignStudio);
  // Any page that defines the studio shows one: its editor chunk comes right after the first paint's code.
  loadEditor().catch(() => undefined);
}

declare global {
  interface HTMLElementTagNameMap {
    'co-design-studio': CoDesignStudio;
  }
  interface HTMLElementEventMap {
    'co-design-ready': CoDesignReadyEvent;
    'co-design-change': CoDesignChangeEvent;
    'co-design-error': CoDesignErrorEvent;
    'co-design-draft-saved': CoDesignDraftSavedEvent;
    'co-design-metrics': CoDesignMetricsEvent;
    'co-design-submit': CoDesignSubmitEvent;
    'co-design-submitted': CoDesignSubmittedEvent;
  }
}
