import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ErrorCode, StudioError, isStudioError } from '../errors.ts';
import type { Metrics } from '../protocol/metrics.ts';
import { Keeper, KEEPER_EVENT, type KeeperEvent } from '../bridge/keeper.ts';
import type { DraftLibrary } from './library.ts';
import { readValidDraft, type OpenedDraft } from './read.ts';
import { draftInvalid, type DraftMeta } from './records.ts';
import { AUTOSAVE_DELAY_MS, DraftSaver } from './saver.ts';
import { DraftSession, shownDraft } from './session.ts';
import { openDraftsStore, quarantineDraft, readCurrent, readMetas } from './store.ts';
import { GestureGuard, TabChannel, type TabMessage } from './tabs.ts';
import { SaveState, Storage, type DraftNotice, type DraftsOptions } from './types.ts';

/**
 * Keeps the customer's design in IndexedDB: restores the draft of this
 * template and `draft-key`, autosaves within a second of a change and at once
 * when the page is hidden, keeps several drafts, and falls back to memory
 * (saying so, and offering a backup file) when the browser will not store.
 */
export class DraftsController implements ReactiveController {
  /** Who keeps the design when this browser's storage does not, and the host page's name (src/bridge/keeper.ts). */
  keeper: { by: Keeper; name: string } = { by: Keeper.Device, name: '' };
  private libraryLoading: Promise<DraftLibrary> | undefined;
  private readonly session = new DraftSession();
  private readonly saver: DraftSaver;
  private tabs: TabChannel | undefined;
  private readonly guard: GestureGuard<TabMessage>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DraftsOptions,
  ) {
    this.saver = new DraftSaver(this.session, options, {
      saved: (meta) => {
        this.tabs?.post({ type: 'saved', id: meta.id, rev: meta.rev, writer: this.session.writer });
        this.session.list = [meta, ...this.session.list.filter((m) => m.id !== meta.id)];
        options.saved(meta);
      },
      update: () => host.requestUpdate(),
    });
    this.guard = new GestureGuard(host, (m) => void this.handleTabMessage(m));
    host.addController(this);
  }

  get storage(): Storage { return this.session.storage; } // prettier-ignore
  get meta(): DraftMeta | undefined { return this.session.meta; } // prettier-ignore
  get list(): DraftMeta[] { return this.session.list; } // prettier-ignore
  get saveState(): SaveState { return this.saver.saveState; } // prettier-ignore
  get problem(): DraftSaver['problem'] { return this.saver.problem; } // prettier-ignore

  /**
   * Open, new, rename, duplicate, delete, backups: the drafts dialog's
   * actions, a lazy chunk (the first paint and autosave do not need them).
   */
  library(): Promise<DraftLibrary> {
    return (this.libraryLoading ??= import('./library.ts').then(
      ({ DraftLibrary }) =>
        new DraftLibrary(this.session, this.saver, this.options, {
          tryOpen: (id) => this.tryOpen(id),
          show: (opened) => this.show(opened),
          refreshList: () => this.refreshList(),
          post: (message) => this.tabs?.post(message),
          update: () => this.host.requestUpdate(),
        }),
    ));
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.handleVisibility);
    window.addEventListener('pagehide', this.handlePageHide);
    this.tabs = new TabChannel((m) => void this.handleTabMessage(m));
    this.guard.attach();
    this.host.addEventListener(KEEPER_EVENT, this.handleKeeper);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.handleVisibility);
    window.removeEventListener('pagehide', this.handlePageHide);
    this.saver.stop();
    void this.flush();
    this.tabs?.close();
    this.tabs = undefined;
    this.guard.detach();
    this.host.removeEventListener(KEEPER_EVENT, this.handleKeeper);
  }

  /** The design changed: save within AUTOSAVE_DELAY_MS. */
  changed(): void {
    this.saver.changed();
  }

  /** Saves now if anything is unsaved. */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  saveMetrics(total: Metrics): Promise<void> {
    return this.saver.saveMetrics(total);
  }

  private handleKeeper = (e: Event): void => {
    this.keeper = { by: (e as KeeperEvent).keeper, name: (e as KeeperEvent).hostName };
    this.host.requestUpdate();
  };

  private handleVisibility = (): void => {
    if (document.visibilityState === 'hidden') void this.flush();
  };

  private handlePageHide = (): void => void this.flush();

  // ---- opening ---------------------------------------------------------------

  /**
   * Called as a template starts loading: when this browser holds any draft, the checks a restore needs (lazy
   * chunks) load beside the template's fetch instead of one after another behind it. True when drafts are stored.
   * Never throws; `restore` reports what storage does.
   */
  async warm(): Promise<boolean> {
    try {
      // A look only: `restore` opens the store for real, and reports what storage does.
      const store = this.session.store ?? (this.options.store ?? openDraftsStore)();
      if (!(await readMetas(store)).length) return false;
      await Promise.all([
        import('./meta-check.ts'),
        import('./record-checks.ts'),
        import('../document/validate.ts'),
        import('./rasters.ts'),
      ]);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The draft to show for a template and key, or none (start fresh). Never
   * throws: a draft that fails validation is quarantined and the next most
   * recent one is tried; storage that does not answer means memory mode.
   */
  async restore(templateId: string, key: string): Promise<OpenedDraft | undefined> {
    const { session } = this;
    session.templateKey = { id: templateId, key };
    session.meta = undefined;
    session.chunks.reset();
    try {
      session.store ??= (this.options.store ?? openDraftsStore)();
      const current = await readCurrent(templateId, key, session.store);
      session.storage = Storage.IndexedDB;
      await this.refreshList();
      const order = [...session.list].sort((a, b) => (a.id === current ? -1 : b.id === current ? 1 : 0));
      for (const meta of order) {
        const opened = await this.tryOpen(meta.id);
        if (opened) return this.adopt(opened);
      }
    } catch (error) {
      this.enterMemoryMode(error);
    }
    return undefined;
  }

  /** Call once the editor shows the design `restore` returned, or a fresh one. */
  attach(opened: OpenedDraft | undefined): void {
    const editor = this.options.editor();
    if (!editor) return;
    if (opened) this.session.chunks.assume(opened.meta.id, editor.design);
    else this.session.meta = this.session.newMeta(editor, this.options.names.draft(this.session.list.length + 1));
    this.host.requestUpdate();
  }

  /** Shows a stored draft on the editor as the one on screen; never an undo step. */
  private async show(opened: OpenedDraft): Promise<boolean> {
    const editor = this.options.editor();
    if (!editor) return false;
    await editor.show(shownDraft(opened));
    this.adopt(opened);
    this.attach(opened);
    return true;
  }

  private async tryOpen(id: string): Promise<OpenedDraft | undefined> {
    try {
      return await readValidDraft(id, this.session.store!, this.options.check);
    } catch (error) {
      if (!isStudioError(error) || error.code !== ErrorCode.DraftInvalid) throw error;
      await this.quarantine(id, error);
      return undefined;
    }
  }

  private async quarantine(id: string, error: StudioError): Promise<void> {
    await quarantineDraft(id, error.message, this.session.store!);
    this.session.list = this.session.list.filter((m) => m.id !== id);
    this.options.failed(error);
    this.options.notice('quarantined', error.message);
  }

  private adopt(opened: OpenedDraft): OpenedDraft {
    this.session.meta = opened.meta;
    this.saver.reset(SaveState.Saved);
    return opened;
  }

  /** Every valid draft of this template and key, newest first; invalid metas are quarantined. */
  async refreshList(): Promise<DraftMeta[]> {
    const { session } = this;
    if (!session.store || !session.templateKey) return session.list;
    const stored = await readMetas(session.store);
    const metas: DraftMeta[] = [];
    // The meta check is a lazy chunk: a first visit, with nothing stored, never loads it.
    const { parseMeta } = stored.length ? await import('./meta-check.ts') : { parseMeta: () => undefined };
    for (const { id, value } of stored) {
      try {
        const meta = parseMeta(value)!;
        if (meta.id !== id) throw draftInvalid(`meta names draft ${meta.id}, stored as ${id}`);
        if (meta.template.id === session.templateKey.id && meta.key === session.templateKey.key) metas.push(meta);
      } catch (error) {
        await this.quarantine(id, isStudioError(error) ? error : draftInvalid(String(error)));
      }
    }
    session.list = metas.sort((a, b) => b.updated.localeCompare(a.updated));
    this.host.requestUpdate();
    return session.list;
  }

  private enterMemoryMode(error: unknown): void {
    this.session.storage = Storage.Memory;
    this.saver.problem = 'unavailable';
    const reason = String((error as Error)?.message ?? error);
    this.options.failed(
      new StudioError(ErrorCode.StorageUnavailable, `Drafts cannot be kept on this device: ${reason}`),
    );
    this.host.requestUpdate();
  }

  // ---- other tabs ----------------------------------------------------------------

  private async handleTabMessage(message: TabMessage): Promise<void> {
    const { session } = this;
    if (message.writer === session.writer || message.id !== session.meta?.id || !session.stored) return;
    if (message.type === 'deleted') {
      // Our copy is still on screen: saving it again brings the draft back as a copy.
      const editor = this.options.editor();
      if (editor) session.meta = session.newMeta(editor, session.meta.name);
      session.chunks.reset();
      this.options.notice('deleted-elsewhere');
      this.changed();
      return;
    }
    if (message.rev <= session.meta.rev || this.guard.defer(message)) return;
    if (this.saver.busy) return void (await this.saver.save());
    const opened = await this.tryOpen(message.id).catch(() => undefined);
    if (!opened || this.saver.busy) return;
    if (await this.show(opened)) this.options.notice('reloaded');
  }
}

export { AUTOSAVE_DELAY_MS, Keeper, SaveState, Storage, type DraftNotice, type DraftsOptions };
