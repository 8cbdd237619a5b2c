import { LitElement, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { DesignDocument } from '../document/types.ts';
import type { StudioEditor } from '../editor/editor.ts';
import type { ExportOptions } from '../editor/export.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import { draftsStyles } from '../features/drafts-list/drafts.styles.ts';
import type { SubmitResult } from '../features/submit/submit-view.ts';
import type { Translate } from '../i18n/translate.ts';
import type { TemplateManifest } from '../template/types.ts';
import { composeStudio, type StudioParts } from './compose.ts';
import { CoDesignErrorEvent } from './events/error.ts';
import { LayoutController } from './layout.ts';
import { errorMessage } from './messages.ts';
import { renderStudio } from './render.ts';
import { compactStyles } from './compact.styles.ts';
import { styles } from './styles.ts';

/**
 * `<co-design-studio>`: customers paint their own skin on a product template.
 * Its CSS parts and `--co-design-*` tokens are listed in src/theme/styling-api.json (docs/theming.md).
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
 * @event {CoDesignSubmitEvent} co-design-submit - The customer confirmed a submission; cancelable
 *   (the host takes it over).
 * @event {CoDesignSubmittedEvent} co-design-submitted - The backend answered 2xx: `receipt` is its JSON answer
 *   as it came (docs/transport.md).
 * @event {CoDesignMetricsEvent} co-design-metrics - Time-on-task figures were flushed (page hidden or left,
 *   removed, every 30 s).

 */
export class CoDesignStudio extends LitElement {
  static override styles = [styles, compactStyles, draftsStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: false };

  /** URL of a template manifest, or (as a property) the manifest object. */
  @property({ attribute: 'template' }) template: string | TemplateManifest | undefined;
  /** Base URL of the host backend. */
  @property({ attribute: 'endpoint' }) endpoint: string | undefined;
  @property({ attribute: 'locale' }) locale: string | undefined;
  @property({ attribute: 'draft-key' }) draftKey: string | undefined;
  /** Ms of engagement one input earns when no other follows (docs/metrics.md, default 5000). */
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
  /** A campaign id on the host backend: its brief, terms and phase replace the template's (docs/campaigns.md). */
  @property({ attribute: 'campaign' }) campaign: string | undefined;
  /** The participant token the host's backend signed for the signed-in customer: one entry, updatable until close. */
  @property({ attribute: 'participant' }) participant: string | undefined;

  @state() private notice = '';
  @state() private error = '';
  @state() private panelOpen = false;
  /** The brief is open until the customer's first edit, or until they fold it. */
  @state() private briefOpen = true;
  @query('.stage') private stage!: HTMLElement;
  @query('input.image-file') private fileInput!: HTMLInputElement;
  @query('input.backup-file') private backupInput!: HTMLInputElement;

  /** The controllers and their wiring (compose.ts): the element keeps the public contract. */
  private readonly parts: StudioParts = composeStudio(this, {
    stage: () => this.stage,
    fileInput: () => this.fileInput,
    notice: (text) => (this.notice = text),
    clearError: () => (this.error = ''),
    edited: () => (this.briefOpen = false),
    fail: (error, fallback, show) => this.fail(error, fallback, show),
    showDesign: (design, view) => this.showDesign(design, view),
  });
  private readonly layout = new LayoutController(this, this.attachInternals().states);
  private get t(): Translate {
    return this.parts.i18n.t;
  }
  private get editor(): StudioEditor | undefined {
    return this.parts.studio.editor;
  }

  // ---- public API (docs/design.md) ---------------------------------------------

  /** The design document, synchronously; a copy the host may keep. */
  getDesign(): DesignDocument {
    try {
      return this.parts.studio.ready.snapshot();
    } catch (error) {
      throw this.fail(error, ErrorCode.NotReady, false);
    }
  }

  /** Replaces the design with a document from the host; validated first, never undoable. */
  loadDesign(doc: unknown): Promise<void> {
    return this.showDesign(doc);
  }

  /** The one way a design from outside (the host, the parent frame) gets on screen: checked, then kept as the draft. */
  private async showDesign(doc: unknown, view?: string): Promise<void> {
    try {
      // Cleared first: a font the design names and that cannot be loaded is said while it shows.
      this.error = '';
      await this.parts.studio.showChecked(doc, view);
      this.parts.drafts.changed();
    } catch (error) {
      throw this.fail(error, ErrorCode.DesignInvalid);
    }
  }

  /** A PNG of one view; `width`/`height` bound the long side (≤ 4096). */
  async exportImage(opts: ExportOptions = {}): Promise<Blob> {
    try {
      return await this.parts.studio.exportImage(opts);
    } catch (error) {
      throw this.fail(error, ErrorCode.ExportFailed);
    }
  }

  /**
   * Opens the submit dialog (brief, terms and consent, author, previews) and
   * settles when the design is sent (`{ state: 'sent', receipt }`), queued,
   * or taken over by the host; rejects with `submit-cancelled` if closed
   * (a cancel is not an error: no `co-design-error` fires for it).
   */
  submit(): Promise<SubmitResult> {
    return this.parts.submitFlow.open();
  }

  undo(): void {
    this.editor?.commands.run('undo');
  }

  redo(): void {
    this.editor?.commands.run('redo');
  }

  // ---- lifecycle ---------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.parts.delivery.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('idleTimeout')) this.parts.timeOnTask.idleTimeout = this.idleTimeout;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const keyChanged = changed.has('draftKey') && changed.get('draftKey') !== undefined;
    if ((changed.has('template') || keyChanged) && this.template)
      void this.parts.studio.open(this.template, this.draftKey ?? '');
  }

  /**
   * Shows the error, tells the host, and hands it back for rethrowing. An
   * error that is not ours gets the code of what was being done (`fallback`).
   */
  private fail(error: unknown, fallback: ErrorCode, show = true): StudioError {
    const reason = String((error as Error)?.message ?? error);
    const e = error instanceof StudioError ? error : new StudioError(fallback, reason, { detail: reason });
    if (show) this.error = errorMessage(this.t, e);
    this.dispatchEvent(new CoDesignErrorEvent(e.code, e.message));
    return e;
  }

  // ---- render ----------------------------------------------------------------------

  protected override render() {
    const { draftsView, submitFlow, input, campaign } = this.parts;
    return renderStudio({
      campaign,
      editor: this.editor?.ready ? this.editor : undefined,
      loaded: this.parts.studio.loaded,
      t: this.t,
      layout: this.layout.layout,
      panelOpen: this.panelOpen,
      briefOpen: this.briefOpen,
      notice: this.notice,
      error: this.error,
      status: draftsView.renderStatus(),
      dialogs: [draftsView.renderDialog(() => this.backupInput.click()), submitFlow.render()],
      onDrafts: () => void draftsView.show(),
      onSubmit: () => void this.submit().catch(() => undefined),
      onPanel: () => (this.panelOpen = !this.panelOpen),
      onBrief: (open) => (this.briefOpen = open),
      onTool: (id) => input.chooseTool(id),
      onStagePointer: () => {
        this.stage.focus({ preventScroll: true });
        // The sheet over the canvas gives the canvas back as soon as painting starts.
        this.panelOpen = false;
      },
      onCloseError: () => (this.error = ''),
      onUpload: (files) => void input.uploadFiles(files),
      onBackupFile: (file) => void draftsView.importInput(file),
    });
  }
}
