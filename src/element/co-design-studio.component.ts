import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { DraftsController, type DraftNotice } from '../drafts/controller.ts';
import type { DesignDocument } from '../document/types.ts';
import { StudioEditor } from '../editor/editor.ts';
import type { ExportOptions } from '../editor/export.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import { LocaleController } from '../i18n/controller.ts';
import type { Translate } from '../i18n/translate.ts';
import { loadTemplate, type LoadedTemplate } from '../template/load.ts';
import type { TemplateManifest } from '../template/types.ts';
import { renderHeader } from '../ui/header.ts';
import { renderMessages, renderSidePanel } from '../ui/side-panel.ts';
import { renderToolbar } from '../ui/toolbar.ts';
import { CoDesignChangeEvent } from './events/change.ts';
import { CoDesignDraftSavedEvent } from './events/draft-saved.ts';
import { CoDesignMetricsEvent } from './events/metrics.ts';
import { MetricsController, type MetricsFlush } from '../metrics/controller.ts';
import { deliverMetrics, freshDesign } from './wiring.ts';
import type { BridgeController } from '../bridge/controller.ts';
import { CoDesignErrorEvent } from './events/error.ts';
import { CoDesignReadyEvent } from './events/ready.ts';
import { DraftsView } from './drafts-view.ts';
import { Delivery } from './delivery.ts';
import { CoDesignSubmittedEvent } from './events/submitted.ts';
import type { SubmitResult, SubmitView } from './submit-view.ts';
import { CANVAS_SHORTCUTS, describeCanvas, errorMessage } from './messages.ts';
import { styles } from './styles.ts';
import { InputWiring } from './input-wiring.ts';
import { draftsStyles } from '../ui/drafts.styles.ts';

/**
 * `<co-design-studio>`: customers paint their own skin on a product template.
 *
 * @summary An embeddable studio for co-creating product skins; drafts are never lost.
 *
 * @attr template - URL of a template manifest (as a property, also the manifest object).
 * @attr endpoint - Base URL of the host backend (`POST {endpoint}/designs`, `POST {endpoint}/metrics`).
 * @attr locale - BCP 47 language of the interface; default the page's `lang`, then the browser's.
 * @attr draft-key - Keeps separate drafts for one template (one per campaign or user).
 * @attr transport - `http` (default) or `postmessage` (the parent page delivers; docs/bridge.md).
 * @attr host-origin - The parent page's exact origin, for `transport="postmessage"`.
 * @attr idle-timeout - Milliseconds of engagement one input earns when no other follows (default 5000).
 * @attr metrics - `on` (default) or `off`: whether time on task is measured, kept and sent (docs/privacy.md).
 *
 * @event {CoDesignReadyEvent} co-design-ready - The template (and any draft) is shown.
 * @event {CoDesignChangeEvent} co-design-change - The customer edited, undid or redid something.
 * @event {CoDesignErrorEvent} co-design-error - Something was refused or failed; `code` says what.
 * @event {CoDesignDraftSavedEvent} co-design-draft-saved - The design is stored in this browser as it is now.
 * @event {CoDesignSubmitEvent} co-design-submit - The customer confirmed a submission; cancelable (the host takes it over).
 * @event {CoDesignSubmittedEvent} co-design-submitted - The backend stored the submission.
 * @event {CoDesignMetricsEvent} co-design-metrics - Time-on-task figures were flushed (hidden, left, removed, every 30 s).
 *
 * @csspart shell - The grid holding everything.
 * @csspart header - The top bar: title, views, undo/redo, zoom, drafts, submit.
 * @csspart toolbar - The tool buttons.
 * @csspart canvas - The drawing surface.
 * @csspart panel - The side panel and each panel in it (style, layers).
 * @csspart style-panel - The colour, size and font panel.
 * @csspart layers-panel - The layers panel.
 * @csspart button - Every button.
 * @csspart primary - The main call to action (submit, send).
 * @csspart tool-button - A button of the toolbar.
 * @csspart view-tab - A button that switches views.
 * @csspart swatch - A colour swatch.
 * @csspart sticker - A sticker choice.
 * @csspart dialog - Every dialog (drafts, submit).
 * @csspart drafts-dialog - The drafts list dialog.
 * @csspart submit-dialog - The submit dialog.
 * @csspart save-state - The "saved" status line.
 * @csspart warning - The storage warning.
 * @csspart outbox-state - The line that says a queued submission has gone out.
 * @csspart error - The error message bar.
 *
 * @cssproperty --co-design-ref-primary - Reference: the brand colour (default #0a58ca).
 * @cssproperty --co-design-ref-on-primary - Reference: text on the brand colour (default #ffffff).
 * @cssproperty --co-design-ref-neutral-0 - Reference: lightest neutral (default #ffffff).
 * @cssproperty --co-design-ref-neutral-10 - Reference: darkest neutral, body text (default #1b1d21).
 * @cssproperty --co-design-ref-neutral-40 - Reference: muted text (default #5b606b).
 * @cssproperty --co-design-ref-neutral-85 - Reference: lines (default #d5d8de).
 * @cssproperty --co-design-ref-neutral-93 - Reference: the stage behind the product (default #eceef2).
 * @cssproperty --co-design-ref-error - Reference: errors (default #b42318).
 * @cssproperty --co-design-ref-font - Reference: the font stack (default system-ui).
 * @cssproperty --co-design-surface - System: background of the studio, panels and dialogs.
 * @cssproperty --co-design-text - System: text colour.
 * @cssproperty --co-design-muted - System: secondary text.
 * @cssproperty --co-design-border - System: lines between areas.
 * @cssproperty --co-design-accent - System: accent colour of active controls.
 * @cssproperty --co-design-accent-text - System: text on the accent colour.
 * @cssproperty --co-design-stage - System: background behind the product.
 * @cssproperty --co-design-danger - System: error bar background.
 * @cssproperty --co-design-warning - System: storage warning background.
 * @cssproperty --co-design-warning-text - System: storage warning text.
 * @cssproperty --co-design-focus - System: focus outline colour.
 * @cssproperty --co-design-radius - System: corner radius of buttons and dialogs (default 8px).
 * @cssproperty --co-design-font - System: font family.
 * @cssproperty --co-design-font-size - System: base font size (default 14px).
 * @cssproperty --co-design-height - Component: height of the studio (default 640px).
 * @cssproperty --co-design-toolbar-background - Component: toolbar background (default the surface).
 * @cssproperty --co-design-panel-background - Component: side panel background (default the surface).
 * @cssproperty --co-design-panel-width - Component: width of the side panel on wide screens (default 280px).
 */
export class CoDesignStudio extends LitElement {
  static override styles = [styles, draftsStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: false };

  /** URL of a template manifest, or (as a property) the manifest object. */
  @property({ attribute: 'template' }) template: string | TemplateManifest | undefined;
  /** Base URL of the host backend. */
  @property({ attribute: 'endpoint' }) endpoint: string | undefined;
  @property({ attribute: 'locale' }) locale: string | undefined;
  @property({ attribute: 'draft-key' }) draftKey: string | undefined;
  /** Ms of engagement one input earns when no other follows (DESIGN.md, default 5000). */
  @property({ attribute: 'idle-timeout' }) idleTimeout: string | number | undefined;
  /** `http` (default) or `postmessage`: talk to the parent page over the iframe bridge (docs/bridge.md). */
  @property({ attribute: 'transport' }) transport: string | undefined;
  /** The parent page's exact origin, for `transport="postmessage"`. */
  @property({ attribute: 'host-origin' }) hostOrigin: string | undefined;
  /**
   * `on` (default) or `off`, as attribute or property; a consent banner may flip it at any time. While `off`
   * nothing is measured, kept or sent; `on` starts a fresh session (docs/privacy.md). Other values mean `off`.
   */
  @property({ attribute: 'metrics' }) metrics: 'on' | 'off' | undefined;
  /** Name or handle of the customer, when the host knows it. */
  @property({ attribute: false }) author: string | undefined;

  @state() private loaded: LoadedTemplate | undefined;
  @state() private notice = '';
  @state() private error = '';
  @state() private panelOpen = false;
  @state() private revision = 0;
  @query('.stage') private stage!: HTMLElement;
  @query('input.image-file') private fileInput!: HTMLInputElement;
  @query('input.backup-file') private backupInput!: HTMLInputElement;

  private editor: StudioEditor | undefined;
  private loading: AbortController | undefined;
  // Locale from the `locale` attribute, the page's `lang`, then the browser; tables load on demand.
  private readonly i18n = new LocaleController(this);
  private get t(): Translate {
    return this.i18n.t;
  }
  private manifest: TemplateManifest | undefined;

  /** Autosave, restore, the drafts list and backups (src/drafts/). */
  private readonly drafts = new DraftsController(this, {
    editor: () => this.editor,
    freshDesign: () => this.emptyDesign(this.manifest!),
    check: async (design, history) => {
      const { checkDesignForTemplate, verifyDesignImages, verifyHistoryImages } = await import('./design-checks.ts');
      checkDesignForTemplate(design, this.manifest!);
      await verifyDesignImages(design);
      await verifyHistoryImages(history);
    },
    names: { draft: (n) => this.t('drafts.name', { n }), copy: (name) => this.t('drafts.copy', { name }), imported: () => this.t('drafts.importedName') },
    metrics: () => this.timeOnTask.total(),
    saved: (m) => this.dispatchEvent(new CoDesignDraftSavedEvent(m.id, m.name, m.rev, m.updated)),
    failed: (e) => this.fail(e, false),
    notice: (n: DraftNotice, detail) => (this.notice = this.t(`drafts.notice.${n}`, { name: detail ?? '' })),
  });
  /** Time on task (src/metrics/): counted here, kept with the draft, beaconed to `{endpoint}/metrics`. */
  private readonly timeOnTask = new MetricsController(this, {
    idleTimeout: this.getAttribute('idle-timeout'),
    mode: () => this.metrics,
    onFlush: (f) => this.handleMetricsFlush(f),
  });
  /** The submit flow, loaded on the first `submit()`: the first paint does not need it. */
  private submitView: SubmitView | undefined;

  private async loadSubmitView(): Promise<SubmitView> {
    const { SubmitView } = await import('./submit-view.ts');
    return (this.submitView ??= new SubmitView(this, {
      t: () => this.t,
      editor: () => (this.editor?.ready ? this.editor : undefined),
      draft: () => this.drafts.meta?.id,
      metrics: () => this.timeOnTask.total(),
      author: () => this.author,
      deliver: async (submission, onProgress) => {
        // In a social app's iframe the parent page takes the submission and delivers it itself.
        if (this.bridge) return this.bridge.submit(submission);
        return this.delivery.send(this.endpoint, submission, onProgress);
      },
    }));
  }
  /** The outbox (src/transport/), loaded on the first submit or when an earlier visit left one queued. */
  private readonly delivery = new Delivery((receipt, draft) => this.dispatchEvent(new CoDesignSubmittedEvent(receipt, draft)));
  private readonly draftsView = new DraftsView(this, this.drafts, { t: () => this.t, fail: (e) => this.fail(e) });
  /** The iframe bridge (src/bridge/), made on first connection when `transport="postmessage"`. */
  private bridge: BridgeController | undefined;
  private bridgeLoading: Promise<void> | undefined;

  // ---- public API (DESIGN.md) ----------------------------------------------

  /** The design document, synchronously; a copy the host may keep. */
  getDesign(): DesignDocument {
    if (!this.editor?.ready) throw this.fail(new StudioError(ErrorCode.NotReady, 'The studio has no template loaded yet'), false);
    return this.editor.snapshot();
  }

  /** Replaces the design with a document from the host; validated first, never undoable. */
  async loadDesign(doc: unknown): Promise<void> {
    try {
      const editor = this.requireEditor();
      // The design checks are lazy chunks: the first paint does not need them.
      const [{ parseDesign }, { checkDesignForTemplate, verifyDesignImages }] = await Promise.all([import('../document/validate.ts'), import('./design-checks.ts')]);
      const parsed = parseDesign(doc);
      checkDesignForTemplate(parsed, editor.manifest!);
      await verifyDesignImages(parsed);
      await editor.load(parsed);
      // What is on screen is the draft now: keep it, so a reload shows it.
      this.drafts.changed();
      this.error = '';
    } catch (error) {
      throw this.fail(error);
    }
  }

  /** A PNG of one view; `width`/`height` bound the long side (≤ 4096). */
  async exportImage(opts: ExportOptions = {}): Promise<Blob> {
    try {
      const editor = this.requireEditor();
      if (opts.view && !editor.manifest!.views.some((v) => v.id === opts.view)) throw new StudioError(ErrorCode.ViewUnknown, `No view "${opts.view}" in this template`, { detail: opts.view });
      return await editor.exportImage(opts);
    } catch (error) {
      throw this.fail(error);
    }
  }

  /**
   * Opens the submit dialog (brief, terms and consent, author, previews) and
   * settles when the design is sent (`{ state: 'sent', receipt }`), queued,
   * or taken over by the host; rejects with `submit-cancelled` if closed.
   */
  async submit(): Promise<SubmitResult> {
    try {
      return await (await this.loadSubmitView()).open();
    } catch (error) {
      throw this.fail(error, !(error instanceof StudioError && error.code === ErrorCode.SubmitCancelled));
    }
  }

  undo(): void {
    this.editor?.undo();
  }

  redo(): void {
    this.editor?.redo();
  }

  // ---- lifecycle ---------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // Attributes only: the transport is fixed for the element's life, as a host page writes it once.
    // Loaded only for frames that use it; `co-design-ready` waits for it so the parent hears `ready`.
    if (!this.bridge && !this.bridgeLoading && this.getAttribute('transport') === 'postmessage') {
      this.bridgeLoading = import('./bridge-wiring.ts').then(({ createBridge }) => {
        this.bridge = createBridge(this, {
          hostOrigin: this.getAttribute('host-origin'),
          metrics: () => this.timeOnTask.total(),
          restoreMetrics: (m) => this.timeOnTask.restore(m),
          editor: () => this.editor,
          fail: (e) => this.fail(e),
        });
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
    this.delivery.close();
    this.editor?.dispose();
    this.editor = undefined;
    this.loaded = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('idleTimeout')) this.timeOnTask.idleTimeout = this.idleTimeout;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('template') || (changed.has('draftKey') && changed.get('draftKey') !== undefined)) && this.template) void this.openTemplate(this.template);
    this.draftsView.updated();
    this.submitView?.updated();
  }

  private async openTemplate(source: string | TemplateManifest): Promise<void> {
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    try {
      // Layer and draft names come from the table, so the table must be here first.
      // The bridge (when used) must listen before drafts restore: a storage failure there is news for the parent.
      const [loaded] = await Promise.all([loadTemplate(source, { signal: loading.signal }), this.i18n.ready, this.bridgeLoading]);
      await this.updateComplete;
      const editor = this.ensureEditor();
      this.manifest = loaded.manifest;
      const opened = await this.drafts.restore(loaded.manifest.id, this.draftKey ?? '');
      this.timeOnTask.restore(opened?.metrics ?? undefined);
      if (loading.signal.aborted) return;
      await editor.open(loaded, opened?.design ?? this.emptyDesign(loaded.manifest), { handOver: true, seeds: opened?.seeds });
      if (loading.signal.aborted) return;
      this.drafts.attach(opened);
      if (opened && editor.manifest?.views.some((v) => v.id === opened.view)) editor.setView(opened.view);
      this.loaded = loaded;
      this.error = '';
      this.dispatchEvent(new CoDesignReadyEvent(editor.design.template));
      // Submissions queued on an earlier visit go out now (and on every `online`).
      if (this.endpoint && !this.bridge) void this.delivery.start().catch(() => undefined);
    } catch (error) {
      if (!loading.signal.aborted) this.fail(error);
    }
  }

  private handleMetricsFlush(f: MetricsFlush): void {
    this.dispatchEvent(new CoDesignMetricsEvent(f.reason, f.current, f.total));
    void this.drafts.saveMetrics(f.total);
    const template = this.editor?.ready ? this.editor.design.template : undefined;
    if (!template || !this.drafts.meta) return;
    deliverMetrics(this.timeOnTask.report({ draft: this.drafts.meta.id, template, submitted: false }), this.bridge, this.endpoint);
  }

  private emptyDesign = (m: TemplateManifest) => freshDesign(m, this.t('layer.paint', { n: 1 }), this.author);

  private ensureEditor(): StudioEditor {
    if (this.editor) return this.editor;
    const t = () => this.t;
    const editor = new StudioEditor(this.stage, {
      layerName: (kind, n) => t()(`layer.${kind}`, { n }),
      copyName: (name) => t()('layer.copy', { name }),
      defaultText: () => t()('text.default'),
    });
    editor.addEventListener('change', (e) => {
      const { source, kind } = (e as CustomEvent<{ source: string; kind: 'edit' | 'undo' | 'redo' }>).detail;
      this.drafts.changed();
      this.timeOnTask.recordChange({ source, kind });
      this.dispatchEvent(new CoDesignChangeEvent(source, kind));
    });
    editor.addEventListener('state', () => {
      this.timeOnTask.setTool(editor.tool);
      this.revision++;
    });
    editor.addEventListener('notice', (e) => (this.notice = this.t(`notice.${(e as CustomEvent<string>).detail}` as never)));
    this.editor = editor;
    return editor;
  }

  private requireEditor(): StudioEditor {
    if (!this.editor?.ready) throw new StudioError(ErrorCode.NotReady, 'The studio has no template loaded yet');
    return this.editor;
  }

  /** Shows the error, tells the host, and hands it back for rethrowing. */
  private fail(error: unknown, show = true): StudioError {
    const e = error instanceof StudioError ? error : new StudioError(ErrorCode.ExportFailed, String((error as Error)?.message ?? error));
    if (show) this.error = errorMessage(this.t, e);
    this.dispatchEvent(new CoDesignErrorEvent(e.code, e.message));
    return e;
  }

  /** Keys to the editor's key commands; the image tool's file picker and checked uploads. */
  private readonly input = new InputWiring(this, {
    editor: () => this.editor,
    fileInput: () => this.fileInput,
    clearNotice: () => (this.notice = ''),
    clearError: () => (this.error = ''),
    fail: (e) => this.fail(e),
  });

  // ---- render ----------------------------------------------------------------------

  protected override render() {
    const editor = this.editor?.ready ? this.editor : undefined;
    const loaded = this.loaded;
    const t = this.t;
    return html`<div class="shell ${this.panelOpen ? 'panel-open' : ''}" part="shell" dir=${t.dir} lang=${t.locale} aria-label=${t('studio.label')} role="group">
      ${renderHeader({
        editor,
        manifest: loaded?.manifest,
        panelOpen: this.panelOpen,
        t,
        onDrafts: () => void this.draftsView.show(),
        onSubmit: () => void this.submit().catch(() => undefined),
        onPanel: () => (this.panelOpen = !this.panelOpen),
      })}
      ${editor ? renderToolbar({ tool: editor.tool, t, onTool: (id) => this.input.chooseTool(id) }) : html`<div class="toolbar" part="toolbar"></div>`}
      <div
        class="stage"
        part="canvas"
        tabindex="0"
        role="application"
        aria-label=${t('studio.canvasLabel')}
        aria-describedby="canvas-description canvas-help"
        aria-keyshortcuts=${CANVAS_SHORTCUTS}
        @pointerdown=${() => this.stage.focus({ preventScroll: true })}
      ></div>
      <div class="visually-hidden">
        <p id="canvas-description">${editor ? describeCanvas(t, editor) : t('studio.loading')}</p>
        <p id="canvas-help">${t('studio.canvasHelp')}</p>
      </div>
      ${renderSidePanel({ editor, loaded, t, onStyle: (p) => editor?.setStyle(p) })}
      <div class="messages">
        ${this.draftsView.renderStatus()}
        ${renderMessages({ notice: this.notice, error: this.error, t, onCloseError: () => (this.error = '') })}
      </div>
      <input type="file" class="image-file" hidden accept="image/png,image/jpeg,image/svg+xml,.svg" @change=${(e: Event) => this.input.uploadFiles((e.target as HTMLInputElement).files)} />
      <input type="file" class="backup-file" hidden accept=".json,application/json" @change=${(e: Event) => this.draftsView.importInput(e.target as HTMLInputElement)} />
      ${this.draftsView.renderDialog(() => this.backupInput.click())} ${this.submitView?.render() ?? nothing}
    </div>`;
  }
}
