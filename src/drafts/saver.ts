import { ErrorCode, StudioError } from '../errors.ts';
import type { Metrics } from '../protocol/metrics.ts';
import { keepRasters } from './keep-rasters.ts';
import { BODY_FORMAT, RECORD_VERSION, type DraftMeta, type SavedHistory } from './records.ts';
import type { DraftSession } from './session.ts';
import { writeDraft, writeMetrics } from './store.ts';
import { SaveState, type DraftEditor, type DraftsOptions } from './types.ts';

/** Autosave waits this long after the last change (issue 3: within 1 s). */
export const AUTOSAVE_DELAY_MS = 400;
/** After a failed save, the next try waits at least this long. */
const RETRY_DELAY_MS = 5000;

export interface SaverHooks {
  /** A save went through: tell the other tabs, list it. */
  saved(meta: DraftMeta): void;
  update(): void;
}

/**
 * Writes the draft on screen: within AUTOSAVE_DELAY_MS of a change, at once
 * on flush, one save at a time, as a compare-and-set against the revision
 * this tab last read (another tab's newer save turns ours into a copy).
 */
export class DraftSaver {
  saveState: SaveState = SaveState.Idle;
  /** Why saving does not work right now, shown until a save succeeds. */
  problem: 'quota' | 'unavailable' | 'failed' | null = null;
  dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private retryAfter = 0;
  private persistAsked = false;

  constructor(
    private readonly session: DraftSession,
    private readonly options: DraftsOptions,
    private readonly hooks: SaverHooks,
  ) {}

  get busy(): boolean {
    return this.dirty || !!this.saving;
  }

  /** The design changed: save within AUTOSAVE_DELAY_MS. */
  changed(): void {
    this.dirty = true;
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** Saves now if anything is unsaved (page hidden, closing, switching drafts). */
  async flush(): Promise<void> {
    if (this.saving) await this.saving;
    if (this.dirty) await this.save();
  }

  /** Nothing more is saved by timer (the element left the page); `flush` still works. */
  stop(): void {
    clearTimeout(this.timer);
  }

  /** The draft on screen was just read or replaced: nothing of it is unsaved. */
  reset(state: SaveState): void {
    this.dirty = false;
    this.saveState = state;
  }

  save(): Promise<void> {
    clearTimeout(this.timer);
    if (this.saving) return this.saving.then(() => (this.dirty ? this.save() : undefined));
    const editor = this.options.editor();
    if (!this.session.stored || !this.session.meta || !editor?.ready) return Promise.resolve();
    this.saving = this.write(editor).finally(() => (this.saving = undefined));
    return this.saving;
  }

  /** Keeps the draft's summed time on task; quietly does nothing when storage is not working. */
  async saveMetrics(total: Metrics): Promise<void> {
    const { meta, store } = this.session;
    if (!this.session.stored || !meta || meta.rev === 0) return;
    await writeMetrics(meta.id, total, store!).catch(() => undefined);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), Math.max(delay, this.retryAfter - Date.now()));
  }

  private async write(editor: DraftEditor, asNew = false): Promise<void> {
    const { session } = this;
    const before = session.meta!;
    const id = before.id;
    const plan = session.chunks.plan(id, editor.design);
    const updated = new Date().toISOString();
    const thumbnail = thumbnailOf(editor);
    const template = { ...editor.design.template };
    const meta: DraftMeta = { ...before, rev: before.rev + 1, updated, writer: session.writer, template, thumbnail };
    const history: SavedHistory = editor.historyEntries();
    const body = {
      format: BODY_FORMAT,
      version: RECORD_VERSION,
      id,
      rev: meta.rev,
      design: plan.skeleton,
      chunks: plan.refs,
      history,
      view: editor.view,
      metrics: null,
    } as const;
    const metrics = this.options.metrics?.() ?? undefined;
    this.dirty = false;
    this.saveState = SaveState.Saving;
    this.hooks.update();
    try {
      const expected = before.rev === 0 || asNew ? null : before.rev;
      const result = await writeDraft(
        { meta, body, put: plan.put, drop: plan.drop, current: true, metrics },
        expected,
        session.store!,
      );
      if (!result.ok) return await this.fork(editor);
      session.chunks.commit(plan);
      session.meta = meta;
      this.saveState = SaveState.Saved;
      this.problem = null;
      this.retryAfter = 0;
      this.askPersistence();
      keepRasters(id, editor, session.store!);
      this.hooks.saved(meta);
    } catch (error) {
      this.failed(error);
    } finally {
      this.hooks.update();
    }
  }

  private failed(error: unknown): void {
    this.dirty = true;
    this.saveState = SaveState.Failed;
    this.session.chunks.reset();
    this.retryAfter = Date.now() + RETRY_DELAY_MS;
    const quota = (error as DOMException)?.name === 'QuotaExceededError';
    this.problem = quota ? 'quota' : 'failed';
    const reason = String((error as Error)?.message ?? error);
    this.options.failed(
      quota
        ? new StudioError(
            ErrorCode.StorageFull,
            'The browser’s storage is full: the design could not be saved on this device',
          )
        : new StudioError(ErrorCode.StorageUnavailable, `The design could not be saved on this device: ${reason}`),
    );
  }

  /**
   * Another tab saved this draft since we read it. Our version is not
   * dropped: it becomes a copy beside theirs, and this tab goes on with it.
   */
  private async fork(editor: DraftEditor): Promise<void> {
    const original = this.session.meta!;
    this.session.meta = this.session.newMeta(editor, this.options.names.copy(original.name));
    this.session.chunks.reset();
    await this.write(editor, true);
    this.options.notice('forked', original.name);
  }

  private askPersistence(): void {
    if (this.persistAsked) return;
    this.persistAsked = true;
    // Best effort: Chrome grants it to engaged sites without a prompt; eviction would lose drafts.
    void navigator.storage?.persist?.().catch(() => false);
  }
}

function thumbnailOf(editor: DraftEditor): string | null {
  try {
    return editor.thumbnail();
  } catch {
    return null;
  }
}
