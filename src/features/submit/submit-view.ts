import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { StudioEditor } from '../../editor/editor.ts';
import { ErrorCode, StudioError } from '../../errors.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { Metrics } from '../../protocol/metrics.ts';
import type { DeliveryReceipt, Submission } from '../../protocol/submission.ts';
import { adoptDialogStyles, renderSubmitDialog, SubmitStep } from './submit-dialog.ts';
import { CoDesignSubmitEvent } from '../../element/events/submit.ts';
import { buildSubmission, renderPreviews } from './submission.ts';
import type { ShownBrief } from '../../campaign/link.ts';
import { entryUrl } from './sent-share.ts';

export type SubmitResult =
  { state: 'sent'; receipt: DeliveryReceipt } | { state: 'queued' } | { state: 'taken'; submission: Submission };

export interface SubmitViewOptions {
  t(): Translate;
  editor(): StudioEditor | undefined;
  /** The brief and terms consented to: the campaign's when there is one, else the template's. */
  brief(): ShownBrief | undefined;
  /** The campaign the design is entered in, with the participant's token when the host signed one in. */
  campaign(): { id: string; participant?: string } | undefined;
  /** A delivery went through (the participant's entry now exists). */
  delivered(): void;
  draft(): string | undefined;
  /** The draft's time on task, or null when the host switched metrics off (the submission then has none). */
  metrics(): Metrics | null;
  author(): string | undefined;
  /** The backend's base URL, against which a receipt's `shareUrl` path resolves. */
  endpoint(): string | undefined;
  /** Sends a confirmed submission the host did not take over. */
  deliver(submission: Submission, onProgress: (fraction: number) => void): Promise<SubmitResult>;
}

interface State {
  open: boolean;
  step: SubmitStep;
  author: string;
  accepted: boolean;
  message: string;
  progress?: number;
  previews: Array<{ view: string; name: string; url: string; blob: Blob }>;
  /** After "Sent!": the entry's public page, when the backend named one. */
  entry?: { url: string; approved: boolean };
  copied: '' | 'copied' | 'failed';
}

/**
 * The submit flow on the element's side: the dialog's state, previews, the
 * cancelable `co-design-submit`, and the promise `submit()` returns.
 */
export class SubmitView implements ReactiveController {
  private state: State = {
    open: false,
    step: SubmitStep.Form,
    author: '',
    accepted: false,
    message: '',
    previews: [],
    copied: '',
  };
  private pending: { resolve(r: SubmitResult): void; reject(e: StudioError): void } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SubmitViewOptions,
  ) {
    host.addController(this);
  }

  private set(patch: Partial<State>): void {
    this.state = { ...this.state, ...patch };
    this.host.requestUpdate();
  }

  /** Opens the dialog; settles when the design is sent, queued, taken over by the host, or the dialog is closed. */
  async open(): Promise<SubmitResult> {
    const editor = this.options.editor();
    const brief = this.options.brief();
    if (!editor?.ready || !brief)
      throw new StudioError(ErrorCode.SubmitUnavailable, 'This template has no brief and terms to submit to');
    this.pending?.reject(new StudioError(ErrorCode.SubmitCancelled, 'A new submission was started'));
    adoptDialogStyles(this.host.shadowRoot);
    const settled = new Promise<SubmitResult>((resolve, reject) => (this.pending = { resolve, reject }));
    const pending = this.pending;
    this.revoke();
    this.set({
      open: true,
      step: SubmitStep.Form,
      message: '',
      progress: undefined,
      author: this.state.author || this.options.author() || '',
      accepted: false,
      previews: [],
      entry: undefined,
      copied: '',
    });
    const rendered = await renderPreviews(editor);
    // Closed (or opened again) while the previews were drawn: these belong to nobody.
    if (this.pending !== pending || !this.state.open) return settled;
    const names = new Map(editor.manifest!.views.map((v) => [v.id, v.name]));
    this.set({
      previews: rendered.map((p) => ({ ...p, name: names.get(p.view) ?? p.view, url: URL.createObjectURL(p.blob) })),
    });
    return settled;
  }

  hostUpdated(): void {
    const dialog = this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.submit');
    if (dialog && this.state.open && !dialog.open) dialog.showModal();
  }

  private close(): void {
    this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.submit')?.close();
    const sent = this.state.step === SubmitStep.Sent || this.state.step === SubmitStep.Queued;
    this.set({ open: false });
    this.revoke();
    if (!sent)
      this.settle(undefined, new StudioError(ErrorCode.SubmitCancelled, 'The customer closed the submit dialog'));
  }

  private settle(result: SubmitResult | undefined, error?: StudioError): void {
    const pending = this.pending;
    this.pending = undefined;
    if (error) pending?.reject(error);
    else if (result) pending?.resolve(result);
  }

  private revoke(): void {
    for (const p of this.state.previews) URL.revokeObjectURL(p.url);
  }

  private async send(): Promise<void> {
    const t = this.options.t();
    const editor = this.options.editor();
    const brief = this.options.brief();
    const author = this.state.author.trim();
    if (!author) return this.set({ message: t('submit.needAuthor') });
    if (!this.state.accepted) return this.set({ message: t('submit.needConsent') });
    if (!editor || !brief || this.state.previews.length === 0) return;
    this.set({ step: SubmitStep.Sending, message: '', progress: undefined });
    try {
      const submission = await buildSubmission(editor, {
        draft: this.options.draft() ?? 'unsaved',
        author,
        consent: { termsVersion: brief.termsVersion, licence: brief.terms, acceptedAt: new Date().toISOString() },
        metrics: this.options.metrics(),
        previews: this.state.previews,
        campaign: this.options.campaign(),
      });
      const event = new CoDesignSubmitEvent(submission);
      if (!this.host.dispatchEvent(event)) {
        this.set({ step: SubmitStep.Sent });
        this.settle({ state: 'taken', submission });
        return this.close();
      }
      const result = await this.options.deliver(submission, (progress) => this.set({ progress }));
      this.set({ step: result.state === 'queued' ? SubmitStep.Queued : SubmitStep.Sent });
      if (result.state === 'sent') {
        const url = entryUrl(result.receipt, this.options.endpoint());
        if (url) this.set({ entry: { url, approved: result.receipt.status === 'approved' } });
        this.options.delivered();
      }
      this.settle(result);
    } catch (error) {
      const e =
        error instanceof StudioError
          ? error
          : new StudioError(ErrorCode.SubmitFailed, String((error as Error)?.message ?? error), {
              detail: String((error as Error)?.message ?? error),
            });
      // The dialog stays open with the server's message; the design is untouched and can be sent again.
      this.set({ step: SubmitStep.Failed, message: e.message });
      this.settle(undefined, e);
    }
  }

  private async copyEntry(): Promise<void> {
    const url = this.state.entry?.url;
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      this.set({ copied: 'copied' });
    } catch {
      // Denied (no permission, the document not focused): the link stays on screen to select by hand.
      this.set({ copied: 'failed' });
    }
  }

  render() {
    if (!this.state.open) return nothing;
    const brief = this.options.brief();
    if (!brief) return nothing;
    return renderSubmitDialog({
      brief,
      previews: this.state.previews,
      author: this.state.author,
      accepted: this.state.accepted,
      step: this.state.step,
      progress: this.state.progress,
      message: this.state.message,
      t: this.options.t(),
      onAuthor: (author) => this.set({ author, message: '' }),
      onAccept: (accepted) => this.set({ accepted, message: '' }),
      onSend: () => void this.send(),
      onClose: () => this.close(),
      entry: this.state.entry,
      copied: this.state.copied,
      onCopy: () => void this.copyEntry(),
    });
  }
}
