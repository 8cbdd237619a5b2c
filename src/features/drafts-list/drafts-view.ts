import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { SaveState, Storage, type DraftsController } from '../../drafts/controller.ts';
import type { Translate } from '../../i18n/translate.ts';
import { renderStorageNotice } from './storage-notice.ts';

export interface DraftsViewHost extends ReactiveControllerHost, EventTarget {
  readonly shadowRoot: ShadowRoot | null;
}

export interface DraftsViewOptions {
  t(): Translate;
  /** Shows and reports an error; the design on screen stays. */
  fail(error: unknown): void;
}

/**
 * The element's side of drafts: the save status line, where the design is
 * kept and the warning with its backup button (src/ui/storage-notice.ts),
 * and the drafts dialog with its own small state (open, the draft being
 * renamed, the deletion waiting for a yes).
 */
export class DraftsView implements ReactiveController {
  private state: { open: boolean; renaming?: string; confirming?: string } = { open: false };
  /**
   * A submission went out by itself (queued on an earlier visit or while offline): said under the canvas, as the
   * dialog may be gone.
   */
  private delivered = false;

  constructor(
    private readonly host: DraftsViewHost,
    private readonly drafts: DraftsController,
    private readonly options: DraftsViewOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('co-design-submitted', this.handleSubmitted);
    this.host.addEventListener('co-design-change', this.handleChange);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('co-design-submitted', this.handleSubmitted);
    this.host.removeEventListener('co-design-change', this.handleChange);
  }

  private handleSubmitted = (): void => this.setDelivered(true);

  // The next edit is new work: the line about the last submission has done its job.
  private handleChange = (): void => {
    if (this.delivered) this.setDelivered(false);
  };

  private setDelivered(delivered: boolean): void {
    this.delivered = delivered;
    this.host.requestUpdate();
  }

  private set(patch: Partial<DraftsView['state']>): void {
    this.state = { ...this.state, ...patch };
    this.host.requestUpdate();
  }

  /** The dialog's code and styles, loaded the first time the list opens. */
  private dialog?: typeof import('./drafts-dialog.ts');

  async show(): Promise<void> {
    if (!this.dialog) {
      this.dialog = await import('./drafts-dialog.ts');
      this.dialog.adoptDialogStyles(this.host.shadowRoot);
    }
    this.set({ open: true });
    await this.drafts.refreshList().catch(() => undefined);
  }

  private close(): void {
    this.dialogElement()?.close();
    this.set({ open: false, renaming: undefined, confirming: undefined });
  }

  private dialogElement(): HTMLDialogElement | null | undefined {
    return this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.drafts');
  }

  /** After each render: the dialog is modal, so focus stays in it and Escape closes it. */
  hostUpdated(): void {
    const dialog = this.dialogElement();
    if (dialog && this.state.open && !dialog.open) dialog.showModal();
  }

  /** Runs a drafts action; a failure is shown and reported, the design on screen stays. */
  private async run(action: () => Promise<void>, close = false): Promise<void> {
    try {
      await action();
      if (close) this.close();
    } catch (error) {
      this.options.fail(error);
    }
  }

  /** The backup file input's change: opens the chosen file and clears the input for the next choice. */
  async importInput(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    await this.importFile(file);
  }

  async importFile(file: File | undefined): Promise<void> {
    if (file) await this.run(() => this.drafts.library().then((l) => l.importBackup(file)), true);
  }

  statusText(): string {
    const t = this.options.t();
    const d = this.drafts;
    if (d.storage === Storage.Memory) return t('save.memory');
    if (d.saveState === SaveState.Saving) return t('save.saving');
    if (d.saveState === SaveState.Saved) return t('save.saved');
    return d.saveState === SaveState.Failed ? t('save.unsaved') : '';
  }

  renderStatus() {
    const d = this.drafts;
    return renderStorageNotice({
      status: this.statusText(),
      unstored: d.storage === Storage.Memory || d.problem !== null,
      problem: d.problem,
      keeper: d.keeper.by,
      keeperName: d.keeper.name,
      t: this.options.t(),
      delivered: this.delivered,
      onBackup: () => void this.run(() => d.library().then((l) => l.downloadBackup())),
    });
  }

  renderDialog(chooseBackup: () => void) {
    if (!this.state.open || !this.dialog) return nothing;
    const d = this.drafts;
    const t = this.options.t();
    const list = d.meta && d.meta.rev > 0 && !d.list.some((m) => m.id === d.meta!.id) ? [d.meta, ...d.list] : d.list;
    return this.dialog.renderDraftsDialog({
      list,
      current: d.meta?.id,
      renaming: this.state.renaming,
      confirming: this.state.confirming,
      stored: d.storage === Storage.IndexedDB,
      t,
      date: (iso) => t.date(new Date(iso)),
      onOpen: (id) => void this.run(() => d.library().then((l) => l.open(id)), true),
      onNew: () => void this.run(() => d.library().then((l) => l.startNew()), true),
      onRename: (id, name) => {
        if (id && name !== undefined)
          void this.run(() => d.library().then((l) => l.rename(id, name))).then(() =>
            this.set({ renaming: undefined }),
          );
        else this.set({ renaming: id });
      },
      onDuplicate: (id) => void this.run(() => d.library().then((l) => l.duplicate(id))),
      onDelete: (id, confirmed) => {
        if (!confirmed) this.set({ confirming: id });
        else void this.run(() => d.library().then((l) => l.remove(id))).then(() => this.set({ confirming: undefined }));
      },
      onCancelDelete: () => this.set({ confirming: undefined }),
      onBackup: () => void this.run(() => d.library().then((l) => l.downloadBackup())),
      onImport: chooseBackup,
      onClose: () => this.close(),
    });
  }
}
