import type { UseStore } from 'idb-keyval';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newId } from '../document/ids.ts';
import type { StudioEditor } from '../editor/editor.ts';
import { ErrorCode, StudioError, isStudioError } from '../errors.ts';
import type { Metrics } from '../protocol/metrics.ts';
import { Keeper, KEEPER_EVENT, type KeeperEvent } from '../bridge/keeper.ts';
import { backupBlob, backupFileName, downloadFile, readBackup } from './backup.ts';
import { ChunkWriter } from './chunks.ts';
import { writeCopy } from './copy.ts';
import { keepRasters } from './keep-rasters.ts';
import { readValidDraft, type OpenedDraft } from './read.ts';
import { META_FORMAT, RECORD_VERSION, BODY_FORMAT, parseMeta, type DraftMeta, type SavedHistory } from './records.ts';
import { deleteDraft, openDraftsStore, quarantineDraft, readCurrent, readMetas, writeCurrent, writeDraft, writeMeta, writeMetrics } from './store.ts';
import { GestureGuard, TabChannel, type TabMessage } from './tabs.ts';
import { SaveState, Storage, type DraftNotice, type DraftsOptions } from './types.ts';

/** Autosave waits this long after the last change (issue 3: within 1 s). */
export const AUTOSAVE_DELAY_MS = 400;
/** After a failed save, the next try waits at least this long. */
const RETRY_DELAY_MS = 5000;

/**
 * Keeps the customer's design in IndexedDB: restores the draft of this
 * template and `draft-key`, autosaves within a second of a change and at once
 * when the page is hidden, keeps several drafts, and falls back to memory
 * (saying so, and offering a backup file) when the browser will not store.
 */
export class DraftsController implements ReactiveController {
  storage: Storage = Storage.Pending;
  saveState: SaveState = SaveState.Idle;
  /** Why saving does not work right now, shown until a save succeeds. */
  problem: 'quota' | 'unavailable' | 'failed' | null = null;
  meta: DraftMeta | undefined;
  list: DraftMeta[] = [];
  /** Who keeps the design when this browser's storage does not, and the host page's name: the iframe bridge says (src/bridge/keeper.ts). */
  keeper: { by: Keeper; name: string } = { by: Keeper.Device, name: '' };

  private store: UseStore | undefined;
  private readonly writer = newId();
  private readonly chunks = new ChunkWriter();
  private tabs: TabChannel | undefined;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private retryAfter = 0;
  private persistAsked = false;
  private templateKey: { id: string; key: string } | undefined;
  private readonly guard: GestureGuard<TabMessage>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DraftsOptions,
  ) {
    this.guard = new GestureGuard(host, (m) => void this.handleTabMessage(m));
    host.addController(this);
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
    void this.flush();
    this.tabs?.close();
    this.tabs = undefined;
    this.guard.detach();
    this.host.removeEventListener(KEEPER_EVENT, this.handleKeeper);
  }

  private handleKeeper = (e: Event): void => void ((this.keeper = { by: (e as KeeperEvent).keeper, name: (e as KeeperEvent).hostName }), this.host.requestUpdate());

  // ---- opening ---------------------------------------------------------------

  /**
   * The draft to show for a template and key, or none (start fresh). Never
   * throws: a draft that fails validation is quarantined and the next most
   * recent one is tried; storage that does not answer means memory mode.
   */
  async restore(templateId: string, key: string): Promise<OpenedDraft | undefined> {
    this.templateKey = { id: templateId, key };
    this.meta = undefined;
    this.chunks.reset();
    try {
      this.store ??= (this.options.store ?? openDraftsStore)();
      const current = await readCurrent(templateId, key, this.store);
      this.storage = Storage.IndexedDB;
      await this.refreshList();
      const order = [...this.list].sort((a, b) => (a.id === current ? -1 : b.id === current ? 1 : 0));
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
    if (opened) {
      if (opened.history.done.length || opened.history.undone.length) editor.restoreHistory(opened.history);
      this.chunks.assume(opened.meta.id, editor.design);
    } else {
      this.meta = this.newMeta(this.options.names.draft(this.list.length + 1));
    }
    this.host.requestUpdate();
  }

  private async tryOpen(id: string): Promise<OpenedDraft | undefined> {
    try {
      return await readValidDraft(id, this.store!, this.options.check);
    } catch (error) {
      if (!isStudioError(error) || error.code !== ErrorCode.DraftInvalid) throw error;
      await quarantineDraft(id, error.message, this.store!);
      this.list = this.list.filter((m) => m.id !== id);
      this.options.failed(error);
      this.options.notice('quarantined', error.message);
      return undefined;
    }
  }

  private adopt(opened: OpenedDraft): OpenedDraft {
    this.meta = opened.meta;
    this.dirty = false;
    this.saveState = SaveState.Saved;
    return opened;
  }

  /** Every valid draft of this template and key, newest first; invalid metas are quarantined. */
  async refreshList(): Promise<DraftMeta[]> {
    if (!this.store || !this.templateKey) return this.list;
    const metas: DraftMeta[] = [];
    for (const { id, value } of await readMetas(this.store)) {
      try {
        const meta = parseMeta(value);
        if (meta.id !== id) throw new StudioError(ErrorCode.DraftInvalid, `meta names draft ${meta.id}, stored as ${id}`);
        if (meta.template.id === this.templateKey.id && meta.key === this.templateKey.key) metas.push(meta);
      } catch (error) {
        const e = isStudioError(error) ? error : new StudioError(ErrorCode.DraftInvalid, String(error));
        await quarantineDraft(id, e.message, this.store);
        this.options.failed(e);
        this.options.notice('quarantined', e.message);
      }
    }
    this.list = metas.sort((a, b) => b.updated.localeCompare(a.updated));
    this.host.requestUpdate();
    return this.list;
  }

  private newMeta(name: string): DraftMeta {
    const design = this.options.editor()!.design;
    const now = new Date().toISOString();
    return { format: META_FORMAT, version: RECORD_VERSION, id: newId(), template: { ...design.template }, key: this.templateKey?.key ?? '', name, created: now, updated: now, rev: 0, writer: this.writer, thumbnail: null };
  }

  // ---- saving ------------------------------------------------------------------

  /** Keeps the draft's summed time on task; quietly does nothing when storage is not working. */
  async saveMetrics(total: Metrics): Promise<void> {
    if (this.storage !== Storage.IndexedDB || !this.meta || this.meta.rev === 0) return;
    await writeMetrics(this.meta.id, total, this.store!).catch(() => undefined);
  }

  /** The design changed: save within AUTOSAVE_DELAY_MS. */
  changed(): void {
    this.dirty = true;
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), Math.max(delay, this.retryAfter - Date.now()));
  }

  /** Saves now if anything is unsaved (page hidden, closing, switching drafts). */
  async flush(): Promise<void> {
    if (this.saving) await this.saving;
    if (this.dirty) await this.save();
  }

  private handleVisibility = (): void => {
    if (document.visibilityState === 'hidden') void this.flush();
  };

  private handlePageHide = (): void => void this.flush();

  private save(): Promise<void> {
    clearTimeout(this.timer);
    if (this.saving) return this.saving.then(() => (this.dirty ? this.save() : undefined));
    const editor = this.options.editor();
    if (this.storage !== Storage.IndexedDB || !this.meta || !editor?.ready) return Promise.resolve();
    this.saving = this.write(editor).finally(() => (this.saving = undefined));
    return this.saving;
  }

  private async write(editor: StudioEditor, asNew = false): Promise<void> {
    const before = this.meta!;
    const id = before.id;
    const plan = this.chunks.plan(id, editor.design);
    const now = new Date().toISOString();
    const meta: DraftMeta = { ...before, rev: before.rev + 1, updated: now, writer: this.writer, template: { ...editor.design.template }, thumbnail: this.thumbnail(editor) };
    const history: SavedHistory = editor.historyEntries();
    const body = { format: BODY_FORMAT, version: RECORD_VERSION, id, rev: meta.rev, design: plan.skeleton, chunks: plan.refs, history, view: editor.view, metrics: null } as const;
    const metrics = this.options.metrics?.() ?? undefined;
    this.dirty = false;
    this.saveState = SaveState.Saving;
    this.host.requestUpdate();
    try {
      const result = await writeDraft({ meta, body, put: plan.put, drop: plan.drop, current: true, metrics }, before.rev === 0 || asNew ? null : before.rev, this.store!);
      if (!result.ok) return await this.fork(editor);
      this.chunks.commit(plan);
      this.meta = meta;
      this.saveState = SaveState.Saved;
      this.problem = null;
      this.retryAfter = 0;
      this.tabs?.post({ type: 'saved', id, rev: meta.rev, writer: this.writer });
      this.list = [meta, ...this.list.filter((m) => m.id !== id)];
      this.askPersistence();
      keepRasters(id, editor, this.store!);
      this.options.saved(meta);
    } catch (error) {
      this.dirty = true;
      this.saveState = SaveState.Failed;
      this.chunks.reset();
      this.retryAfter = Date.now() + RETRY_DELAY_MS;
      const quota = (error as DOMException)?.name === 'QuotaExceededError';
      this.problem = quota ? 'quota' : 'failed';
      this.options.failed(
        quota
          ? new StudioError(ErrorCode.StorageFull, 'The browser’s storage is full: the design could not be saved on this device')
          : new StudioError(ErrorCode.StorageUnavailable, `The design could not be saved on this device: ${String((error as Error)?.message ?? error)}`),
      );
    } finally {
      this.host.requestUpdate();
    }
  }

  /**
   * Another tab saved this draft since we read it. Our version is not
   * dropped: it becomes a copy beside theirs, and this tab goes on with it.
   */
  private async fork(editor: StudioEditor): Promise<void> {
    const original = this.meta!;
    this.meta = this.newMeta(this.options.names.copy(original.name));
    this.chunks.reset();
    await this.write(editor, true);
    this.options.notice('forked', original.name);
  }

  private thumbnail(editor: StudioEditor): string | null {
    try {
      return editor.thumbnail();
    } catch {
      return null;
    }
  }

  private askPersistence(): void {
    if (this.persistAsked) return;
    this.persistAsked = true;
    // Best effort: Chrome grants it to engaged sites without a prompt; eviction would lose drafts.
    void navigator.storage?.persist?.().catch(() => false);
  }

  private enterMemoryMode(error: unknown): void {
    this.storage = Storage.Memory;
    this.problem = 'unavailable';
    this.options.failed(new StudioError(ErrorCode.StorageUnavailable, `Drafts cannot be kept on this device: ${String((error as Error)?.message ?? error)}`));
    this.host.requestUpdate();
  }

  // ---- other tabs ----------------------------------------------------------------

  private async handleTabMessage(message: TabMessage): Promise<void> {
    if (message.writer === this.writer || message.id !== this.meta?.id || this.storage !== Storage.IndexedDB) return;
    if (message.type === 'deleted') {
      // Our copy is still on screen: saving it again brings the draft back as a copy.
      this.meta = this.newMeta(this.meta.name);
      this.chunks.reset();
      this.options.notice('deleted-elsewhere');
      this.changed();
      return;
    }
    if (message.rev <= this.meta.rev) return;
    if (this.guard.defer(message)) return;
    if (this.dirty || this.saving) return void (await this.save());
    const opened = await this.tryOpen(message.id).catch(() => undefined);
    const editor = this.options.editor();
    if (!opened || !editor || this.dirty || this.saving) return;
    await editor.load(opened.design, { handOver: true, seeds: opened.seeds });
    this.adopt(opened);
    this.attach(opened);
    if (editor.manifest?.views.some((v) => v.id === opened.view)) editor.setView(opened.view);
    this.options.notice('reloaded');
  }

  // ---- the drafts list -------------------------------------------------------------

  /** Opens another draft; what is on screen is saved first. Never an undo step. */
  async open(id: string): Promise<void> {
    await this.flush();
    const opened = await this.tryOpen(id);
    const editor = this.options.editor();
    if (!opened || !editor) return;
    await editor.load(opened.design, { handOver: true, seeds: opened.seeds });
    this.adopt(opened);
    this.attach(opened);
    if (editor.manifest?.views.some((v) => v.id === opened.view)) editor.setView(opened.view);
    await writeCurrent(opened.meta.template.id, opened.meta.key, id, this.store!);
  }

  /** Starts a new empty design as a draft of its own, kept at once so it is listed. */
  async startNew(): Promise<void> {
    await this.flush();
    const editor = this.options.editor();
    if (!editor) return;
    await editor.load(this.options.freshDesign());
    this.chunks.reset();
    this.meta = this.newMeta(this.options.names.draft(this.list.length + 1));
    this.dirty = true;
    await this.save();
  }

  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim().slice(0, 120);
    const meta = this.list.find((m) => m.id === id) ?? (this.meta?.id === id ? this.meta : undefined);
    if (!trimmed || !meta) return;
    if (meta.rev === 0 && this.meta?.id === id) {
      this.meta = { ...this.meta, name: trimmed };
      return this.host.requestUpdate();
    }
    const next = { ...meta, name: trimmed, rev: meta.rev + 1, writer: this.writer };
    const result = await writeMeta(next, meta.rev, this.store!);
    if (result.ok) {
      if (this.meta?.id === id) this.meta = next;
      this.tabs?.post({ type: 'saved', id, rev: next.rev, writer: this.writer });
    }
    await this.refreshList();
  }

  /** A copy of a draft beside it; what is on screen does not change. */
  async duplicate(id: string): Promise<void> {
    await this.flush();
    const source = await this.tryOpen(id);
    if (!source) return;
    await writeCopy(source, { name: this.options.names.copy(source.meta.name), writer: this.writer }, this.store!);
    await this.refreshList();
  }

  /** Deletes a draft; deleting the one on screen opens the next one, or a new design. */
  async remove(id: string): Promise<void> {
    if (!this.store) return;
    await deleteDraft(id, this.store);
    this.tabs?.post({ type: 'deleted', id, writer: this.writer });
    await this.refreshList();
    if (this.meta?.id !== id) return;
    this.dirty = false;
    const next = this.list[0];
    if (next) await this.open(next.id);
    else await this.startNew();
  }

  // ---- backups -------------------------------------------------------------------------

  /** Downloads the design on screen as a file that `importBackup` takes back. */
  downloadBackup(): void {
    const editor = this.options.editor();
    if (!editor?.ready) return;
    const blob = backupBlob({ name: this.meta?.name ?? '', design: editor.snapshot(), history: editor.historyEntries(), metrics: this.options.metrics?.() ?? null });
    downloadFile(blob, backupFileName(editor.design.template.id, this.meta?.name ?? ''));
  }

  /** Opens a backup file as a new draft; what is on screen is saved first and kept. */
  async importBackup(file: Blob): Promise<void> {
    const backup = await readBackup(file);
    await this.options.check(backup.design, backup.history);
    await this.flush();
    const editor = this.options.editor();
    if (!editor) return;
    await editor.load(backup.design, { handOver: true });
    if (backup.history.done.length || backup.history.undone.length) editor.restoreHistory(backup.history);
    this.chunks.reset();
    this.meta = this.newMeta(backup.name || this.options.names.imported());
    this.options.notice('imported', this.meta.name);
    this.dirty = true;
    await this.save();
  }
}

export { Keeper, SaveState, Storage, type DraftNotice, type DraftsOptions };
