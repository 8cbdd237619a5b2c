import { backupBlob, backupFileName, downloadFile, readBackup } from './backup.ts';
import { writeCopy } from './copy.ts';
import type { OpenedDraft } from './read.ts';
import type { DraftSaver } from './saver.ts';
import type { DraftSession } from './session.ts';
import { deleteDraft, writeCurrent, writeMeta } from './store.ts';
import type { TabMessage } from './tabs.ts';
import type { DraftsOptions } from './types.ts';

/** What the library borrows from the drafts controller. */
export interface LibraryHooks {
  tryOpen(id: string): Promise<OpenedDraft | undefined>;
  show(opened: OpenedDraft): Promise<boolean>;
  refreshList(): Promise<unknown>;
  post(message: TabMessage): void;
  update(): void;
}

/**
 * The drafts dialog's actions on the drafts of one template and key: open,
 * new, rename, duplicate, delete, and backup files. What is on screen is
 * saved before anything replaces it.
 */
export class DraftLibrary {
  constructor(
    private readonly session: DraftSession,
    private readonly saver: DraftSaver,
    private readonly options: DraftsOptions,
    private readonly hooks: LibraryHooks,
  ) {}

  /** Opens another draft; what is on screen is saved first. Never an undo step. */
  async open(id: string): Promise<void> {
    await this.saver.flush();
    const opened = await this.hooks.tryOpen(id);
    if (!opened || !(await this.hooks.show(opened))) return;
    this.options.switched?.(opened.metrics ?? undefined);
    await writeCurrent(opened.meta.template.id, opened.meta.key, id, this.session.store!);
  }

  /** Starts a new empty design as a draft of its own, kept at once so it is listed. */
  async startNew(): Promise<void> {
    await this.saver.flush();
    const editor = this.options.editor();
    if (!editor) return;
    await editor.show({ design: this.options.freshDesign(), handOver: true });
    this.options.switched?.(undefined);
    this.session.chunks.reset();
    this.session.meta = this.session.newMeta(editor, this.options.names.draft(this.session.list.length + 1));
    this.saver.dirty = true;
    await this.saver.save();
  }

  async rename(id: string, name: string): Promise<void> {
    const { session } = this;
    const trimmed = name.trim().slice(0, 120);
    const meta = session.list.find((m) => m.id === id) ?? (session.meta?.id === id ? session.meta : undefined);
    if (!trimmed || !meta) return;
    if (meta.rev === 0 && session.meta?.id === id) {
      session.meta = { ...session.meta, name: trimmed };
      return this.hooks.update();
    }
    const next = { ...meta, name: trimmed, rev: meta.rev + 1, writer: session.writer };
    const result = await writeMeta(next, meta.rev, session.store!);
    if (result.ok) {
      if (session.meta?.id === id) session.meta = next;
      this.hooks.post({ type: 'saved', id, rev: next.rev, writer: session.writer });
    }
    await this.hooks.refreshList();
  }

  /** A copy of a draft beside it; what is on screen does not change. */
  async duplicate(id: string): Promise<void> {
    await this.saver.flush();
    const source = await this.hooks.tryOpen(id);
    if (!source) return;
    await writeCopy(
      source,
      { name: this.options.names.copy(source.meta.name), writer: this.session.writer },
      this.session.store!,
    );
    await this.hooks.refreshList();
  }

  /** Deletes a draft; deleting the one on screen opens the next one, or a new design. */
  async remove(id: string): Promise<void> {
    const { session } = this;
    if (!session.store) return;
    await deleteDraft(id, session.store);
    this.hooks.post({ type: 'deleted', id, writer: session.writer });
    await this.hooks.refreshList();
    if (session.meta?.id !== id) return;
    this.saver.dirty = false;
    const next = session.list[0];
    if (next) await this.open(next.id);
    else await this.startNew();
  }

  /** Downloads the design on screen as a file that `importBackup` takes back. */
  downloadBackup(): void {
    const editor = this.options.editor();
    if (!editor?.ready) return;
    const name = this.session.meta?.name ?? '';
    const history = editor.historyEntries();
    const blob = backupBlob({ name, design: editor.snapshot(), history, metrics: this.options.metrics?.() ?? null });
    downloadFile(blob, backupFileName(editor.design.template.id, name));
  }

  /** Opens a backup file as a new draft; what is on screen is saved first and kept. */
  async importBackup(file: Blob): Promise<void> {
    const backup = await readBackup(file);
    await this.options.check(backup.design, backup.history);
    await this.saver.flush();
    const editor = this.options.editor();
    if (!editor) return;
    await editor.show({ design: backup.design, history: backup.history, handOver: true });
    this.options.switched?.(backup.metrics ?? undefined);
    this.session.chunks.reset();
    this.session.meta = this.session.newMeta(editor, backup.name || this.options.names.imported());
    this.options.notice('imported', this.session.meta.name);
    this.saver.dirty = true;
    await this.saver.save();
  }
}
