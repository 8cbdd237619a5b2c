import { html, nothing } from 'lit';
import type { DraftMeta } from '../../drafts/records.ts';
import type { Translate } from '../../i18n/translate.ts';
import { icon } from '../../ui/icons.ts';
export { adoptDialogStyles } from '../../ui/dialog.styles.ts';

export interface DraftsDialogProps {
  list: readonly DraftMeta[];
  current: string | undefined;
  /** The draft whose name is being edited, or the one whose deletion waits for a yes. */
  renaming: string | undefined;
  confirming: string | undefined;
  /** Storage works: list actions are offered. */
  stored: boolean;
  t: Translate;
  date(iso: string): string;
  onOpen(id: string): void;
  onNew(): void;
  onRename(id: string | undefined, name?: string): void;
  onDuplicate(id: string): void;
  onDelete(id: string, confirmed: boolean): void;
  onCancelDelete(): void;
  onBackup(): void;
  onImport(): void;
  onClose(): void;
}

/** The drafts list: thumbnails, open, rename, duplicate, delete, new, and backups. */
export function renderDraftsDialog(p: DraftsDialogProps) {
  const { t } = p;
  return html`<dialog
    class="drafts"
    part="dialog drafts-dialog"
    aria-labelledby="drafts-title"
    @close=${p.onClose}
    @cancel=${p.onClose}
  >
    <div class="dialog-head">
      <h2 id="drafts-title">${t('drafts.title')}</h2>
      <button
        type="button"
        part="button"
        class="icon-button"
        data-action="close-drafts"
        aria-label=${t('action.close')}
        @click=${p.onClose}
      >
        ${icon('close')}
      </button>
    </div>
    <div class="dialog-actions">
      ${
        p.stored
          ? html`<button type="button" part="button" data-action="new-draft" @click=${p.onNew}>
              ${icon('plus')} ${t('drafts.new')}
            </button>`
          : nothing
      }
      <button type="button" part="button" data-action="backup" @click=${p.onBackup}>
        ${icon('download')} ${t('drafts.backup')}
      </button>
      <button type="button" part="button" data-action="import" @click=${p.onImport}>
        ${icon('upload')} ${t('drafts.import')}
      </button>
    </div>
    ${p.list.length === 0 ? html`<p class="empty">${t('drafts.empty')}</p>` : nothing}
    <ul class="draft-list" aria-labelledby="drafts-title">
      ${p.list.map((d) => renderDraft(p, d))}
    </ul>
  </dialog>`;
}

function renderDraft(p: DraftsDialogProps, d: DraftMeta) {
  const { t } = p;
  const name = d.name;
  const isCurrent = d.id === p.current;
  const current = isCurrent ? html`<strong>${t('drafts.current')}</strong> · ` : nothing;
  const edited = t('drafts.edited', { date: p.date(d.updated) });
  return html`<li class="draft ${isCurrent ? 'current' : ''}" data-draft=${d.id}>
    ${
      d.thumbnail
        ? html`<img class="thumb" src=${d.thumbnail} alt=${t('drafts.thumbnail', { name })} />`
        : html`<span class="thumb" aria-hidden="true"></span>`
    }
    <div class="draft-info">
      ${
        p.renaming === d.id
          ? html`<form
              class="rename"
              @submit=${(e: Event) => {
                e.preventDefault();
                p.onRename(d.id, new FormData(e.target as HTMLFormElement).get('name') as string);
              }}
            >
              <label
                >${t('drafts.nameLabel')} <input name="name" .value=${name} maxlength="120" required autofocus
              /></label>
              <button type="submit" part="button">${t('drafts.saveName')}</button>
            </form>`
          : html`<span class="draft-name">${name}</span>`
      }
      <span class="draft-date">${current}${edited}</span>
      ${
        p.confirming === d.id
          ? html`<div class="confirm" role="group" aria-label=${t('drafts.deleteConfirm', { name })}>
              <span>${t('drafts.deleteConfirm', { name })}</span>
              <button type="button" part="button" data-action="confirm-delete" @click=${() => p.onDelete(d.id, true)}>
                ${t('drafts.deleteYes')}
              </button>
              <button type="button" part="button" data-action="cancel-delete" @click=${p.onCancelDelete}>
                ${t('drafts.deleteNo')}
              </button>
            </div>`
          : nothing
      }
    </div>
    <div class="draft-actions">
      ${
        isCurrent
          ? nothing
          : html`<button
              type="button"
              part="button"
              data-action="open-draft"
              aria-label=${t('drafts.open', { name })}
              @click=${() => p.onOpen(d.id)}
            >
              ${icon('drafts')}
            </button>`
      }
      <button
        type="button"
        part="button"
        class="icon-button"
        data-action="rename-draft"
        aria-label=${t('drafts.rename', { name })}
        title=${t('drafts.rename', { name })}
        @click=${() => p.onRename(p.renaming === d.id ? undefined : d.id)}
      >
        ${icon('rename')}
      </button>
      <button
        type="button"
        part="button"
        class="icon-button"
        data-action="duplicate-draft"
        aria-label=${t('drafts.duplicate', { name })}
        title=${t('drafts.duplicate', { name })}
        @click=${() => p.onDuplicate(d.id)}
      >
        ${icon('duplicate')}
      </button>
      <button
        type="button"
        part="button"
        class="icon-button"
        data-action="delete-draft"
        aria-label=${t('drafts.delete', { name })}
        title=${t('drafts.delete', { name })}
        @click=${() => p.onDelete(d.id, false)}
      >
        ${icon('trash')}
      </button>
    </div>
  </li>`;
}
