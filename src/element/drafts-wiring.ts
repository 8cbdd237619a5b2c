import type { DesignDocument } from '../document/types.ts';
import type { DraftsOptions, DraftEditor } from '../drafts/types.ts';
import type { StudioError } from '../errors.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Metrics } from '../protocol/metrics.ts';
import type { TemplateManifest } from '../template/types.ts';
import { CoDesignDraftSavedEvent } from './events/draft-saved.ts';

export interface DraftsWiring {
  editor(): DraftEditor | undefined;
  t(): Translate;
  freshDesign(): DesignDocument;
  manifest(): TemplateManifest | undefined;
  /** The draft's time on task, or null while the host has metrics switched off. */
  metrics(): Metrics | null;
  /** Another draft is on screen: time on task counts on from its stored total. */
  switched(metrics: Metrics | undefined): void;
  /** Shows a line under the canvas (a draft was quarantined, reloaded, forked). */
  notice(text: string): void;
  fail(error: StudioError): void;
}

/** What the drafts controller gets from the element: names in the customer's language, checks, events. */
export function draftsOptions(host: EventTarget, w: DraftsWiring): DraftsOptions {
  return {
    editor: w.editor,
    freshDesign: w.freshDesign,
    check: async (design, history) => {
      // Lazy: the checks are needed when a draft or a backup opens, not for the first paint.
      const { checkDesignForTemplate, verifyDesignImages, verifyHistoryImages } = await import('./design-checks.ts');
      checkDesignForTemplate(design, w.manifest()!);
      await verifyDesignImages(design);
      await verifyHistoryImages(history);
    },
    names: {
      draft: (n) => w.t()('drafts.name', { n }),
      copy: (name) => w.t()('drafts.copy', { name }),
      imported: () => w.t()('drafts.importedName'),
    },
    metrics: w.metrics,
    switched: w.switched,
    saved: (m) => host.dispatchEvent(new CoDesignDraftSavedEvent(m.id, m.name, m.rev, m.updated)),
    failed: w.fail,
    notice: (n, detail) => w.notice(w.t()(`drafts.notice.${n}`, { name: detail ?? '' })),
  };
}
