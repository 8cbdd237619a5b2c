import type { ReactiveControllerHost } from 'lit';
import type { BridgeController, BridgeHost } from '../bridge/controller.ts';
import { DraftsController } from '../drafts/controller.ts';
import type { StudioEditor } from '../editor/editor.ts';
import { ErrorCode, type StudioError } from '../errors.ts';
import { DraftsView } from '../features/drafts-list/drafts-view.ts';
import { SubmitFlow } from '../features/submit/submit-flow.ts';
import { LocaleController } from '../i18n/controller.ts';
import type { Translate } from '../i18n/translate.ts';
import { MetricsController } from '../metrics/controller.ts';
import { CampaignLink } from '../campaign/link.ts';
import { BridgeLink } from './bridge-link.ts';
import { Delivery } from './delivery.ts';
import { draftsOptions } from './drafts-wiring.ts';
import { EditorController } from './editor-controller.ts';
import { CoDesignChangeEvent } from './events/change.ts';
import { CoDesignReadyEvent } from './events/ready.ts';
import { CoDesignSubmittedEvent } from './events/submitted.ts';
import { InputWiring } from './input-wiring.ts';
import { metricsFlushed } from './wiring.ts';

/** The element as its controllers see it: its lit lifecycle, its public methods and the host's properties. */
export type StudioHost = ReactiveControllerHost &
  BridgeHost & {
    readonly endpoint: string | undefined;
    readonly metrics: 'on' | 'off' | undefined;
    readonly campaign: string | undefined;
    readonly participant: string | undefined;
  };

/** Where the controllers show things and report failures: the element's own status, error bar and brief. */
export interface StudioOutlets {
  stage(): HTMLElement;
  fileInput(): HTMLInputElement;
  notice(text: string): void;
  clearError(): void;
  /** The customer's first edit: the brief folds away. */
  edited(): void;
  fail(error: unknown, fallback: ErrorCode, show?: boolean): StudioError;
  /** A design from outside (the parent frame's kept draft), checked and shown. */
  showDesign(design: unknown, view: string): Promise<void>;
}

/**
 * The element's controllers and how they feed each other, made once per
 * element: the locale, time on task, drafts, the editor's life, delivery,
 * the drafts list, the submit flow, the iframe bridge and the keys. The
 * element keeps the public contract; this is its wiring.
 */
export function composeStudio(host: StudioHost, out: StudioOutlets) {
  // Locale from the `locale` attribute, the page's `lang`, then the browser; tables load on demand.
  const i18n = new LocaleController(host);
  const t = (): Translate => i18n.t;
  const editor = (): StudioEditor | undefined => studio.editor;
  const bridge = (): BridgeController | undefined => bridgeLink.bridge;

  /** Time on task (src/metrics/): counted here, kept with the draft, beaconed to `{endpoint}/metrics`. */
  const timeOnTask: MetricsController = new MetricsController(host, {
    idleTimeout: host.getAttribute('idle-timeout'),
    mode: () => host.metrics,
    onFlush: (f) =>
      metricsFlushed(host, f, {
        report: (ctx) => timeOnTask.report(ctx),
        drafts,
        editor: editor(),
        bridge: bridge(),
        endpoint: host.endpoint,
      }),
  });
  /** Autosave, restore, the drafts list and backups (src/drafts/). */
  const drafts: DraftsController = new DraftsController(
    host,
    draftsOptions(host, {
      editor,
      t,
      freshDesign: () => studio.emptyDesign(),
      manifest: () => studio.manifest,
      metrics: () => timeOnTask.total(),
      switched: (m) => timeOnTask.switchDraft(m),
      notice: out.notice,
      fail: (e) => out.fail(e, ErrorCode.StorageUnavailable, false),
    }),
  );
  /** The outbox (src/transport/), loaded on the first submit or when an earlier visit left one queued. */
  const delivery = new Delivery((receipt, draft) => host.dispatchEvent(new CoDesignSubmittedEvent(receipt, draft)));
  /** The editor's life: template, restored draft, change and state events. */
  const studio: EditorController = new EditorController(host, {
    stage: out.stage,
    t,
    author: () => host.author,
    drafts,
    // The bridge (when used) must listen before drafts restore: a storage failure there is news for the parent.
    before: () => Promise.all([i18n.ready, bridgeLink.loading]),
    restoreMetrics: (m) => timeOnTask.restore(m),
    opened: (design) => {
      out.clearError();
      host.dispatchEvent(new CoDesignReadyEvent(design.template));
      // Submissions queued on an earlier visit go out now (and on every `online`).
      if (host.endpoint && !bridge()) void delivery.start().catch(() => undefined);
    },
    changed: ({ source, kind }) => {
      out.edited();
      drafts.changed();
      timeOnTask.recordChange({ source, kind });
      host.dispatchEvent(new CoDesignChangeEvent(source, kind));
    },
    stateChanged: () => {
      if (studio.editor) timeOnTask.setTool(studio.editor.tool);
      host.requestUpdate();
    },
    notice: (n) => out.notice(t()(`notice.${n}`)),
    fail: (e) => out.fail(e, ErrorCode.TemplateLoadFailed),
  });
  const draftsView = new DraftsView(host, drafts, { t, fail: (e) => out.fail(e, ErrorCode.StorageUnavailable) });
  /** The campaign's phase and this participant's entry, when the host names a campaign (docs/campaigns.md). */
  const campaign = new CampaignLink(host, {
    endpoint: () => host.endpoint,
    id: () => host.campaign,
    participant: () => host.participant,
  });
  /** The submit flow (src/features/submit/), loaded on the first `submit()`: the first paint does not need it. */
  const submitFlow = new SubmitFlow(
    host,
    {
      t,
      editor: () => (studio.editor?.ready ? studio.editor : undefined),
      brief: () => campaign.brief(studio.loaded?.manifest.brief),
      campaign: () => (host.campaign ? { id: host.campaign, participant: host.participant } : undefined),
      delivered: () => campaign.delivered(),
      draft: () => drafts.meta?.id,
      metrics: () => timeOnTask.total(),
      author: () => host.author,
      endpoint: () => host.endpoint,
      // In a social app's iframe the parent page takes the submission and delivers it itself.
      deliver: (submission, onProgress) =>
        bridge()?.submit(submission) ?? delivery.send(host.endpoint, submission, onProgress),
    },
    (error, fallback) => out.fail(error, fallback),
  );
  /** The iframe bridge (src/bridge/), loaded on connection when `transport="postmessage"`. */
  const bridgeLink: BridgeLink = new BridgeLink(host, {
    metrics: () => timeOnTask.total(),
    restoreMetrics: (m) => timeOnTask.restore(m),
    view: () => studio.editor?.view,
    show: out.showDesign,
    fail: (e) => out.fail(e, ErrorCode.BridgeOrigin),
  });
  /** Keys to the editor's command registry; the image tool's file picker and checked uploads. */
  const input = new InputWiring(host, {
    editor,
    fileInput: out.fileInput,
    clearNotice: () => out.notice(''),
    clearError: out.clearError,
    fail: (e) => out.fail(e, ErrorCode.UploadDecode),
  });
  return { i18n, timeOnTask, drafts, delivery, studio, draftsView, submitFlow, bridgeLink, input, campaign };
}

export type StudioParts = ReturnType<typeof composeStudio>;
