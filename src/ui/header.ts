import { html, nothing } from 'lit';
import type { StudioEditor } from '../editor/editor.ts';
import type { Translate } from '../i18n/translate.ts';
import type { TemplateManifest } from '../template/types.ts';
import { shortcutOf } from '../editor/keys.ts';
import { icon } from './icons.ts';
import { rovingKeys, tabStop } from './roving.ts';

const tabKeys = rovingKeys(true);

export interface HeaderProps {
  editor: StudioEditor | undefined;
  manifest: TemplateManifest | undefined;
  panelOpen: boolean;
  t: Translate;
  onDrafts(): void;
  onSubmit(): void;
  onPanel(): void;
}

/** The studio's header: view tabs (or the product's name), undo/redo, zoom, drafts, submit, the panel toggle. */
export function renderHeader(p: HeaderProps) {
  return html`<div class="bar" part="header">
        ${p.manifest && p.manifest.views.length > 1
          ? html`<div class="views" role="tablist" aria-label=${p.t('views.label')} @keydown=${tabKeys}>
              ${p.manifest.views.map((v) => html`<button type="button" role="tab" part="button view-tab" data-view=${v.id} tabindex=${tabStop(p.editor?.view === v.id, false, true)} aria-selected=${p.editor?.view === v.id ? 'true' : 'false'} @click=${() => p.editor?.setView(v.id)}>${v.name}</button>`)}
            </div>`
          : html`<div class="title">${p.manifest?.name ?? p.t('studio.loading')}</div>`}
        <div class="actions">
          <button type="button" part="button" class="icon-button" data-action="undo" aria-label=${p.t('action.undo')} aria-keyshortcuts=${shortcutOf('undo')} title=${titled(p.t('action.undo'), 'undo')} ?disabled=${!p.editor?.canUndo} @click=${() => p.editor?.undo()}>${icon('undo')}</button>
          <button type="button" part="button" class="icon-button" data-action="redo" aria-label=${p.t('action.redo')} aria-keyshortcuts=${shortcutOf('redo')} title=${titled(p.t('action.redo'), 'redo')} ?disabled=${!p.editor?.canRedo} @click=${() => p.editor?.redo()}>${icon('redo')}</button>
          <button type="button" part="button" class="icon-button" data-action="zoom-out" aria-label=${p.t('action.zoomOut')} aria-keyshortcuts=${shortcutOf('zoom-out')} title=${titled(p.t('action.zoomOut'), 'zoom-out')} @click=${() => p.editor?.viewport.zoomBy(0.8)}>${icon('zoomOut')}</button>
          <button type="button" part="button" class="icon-button" data-action="zoom-in" aria-label=${p.t('action.zoomIn')} aria-keyshortcuts=${shortcutOf('zoom-in')} title=${titled(p.t('action.zoomIn'), 'zoom-in')} @click=${() => p.editor?.viewport.zoomBy(1.25)}>${icon('zoomIn')}</button>
          <button type="button" part="button" class="icon-button" data-action="fit" aria-label=${p.t('action.fit')} aria-keyshortcuts=${shortcutOf('fit')} title=${titled(p.t('action.fit'), 'fit')} @click=${() => p.editor?.viewport.fit()}>${icon('fit')}</button>
          <button type="button" part="button" class="icon-button" data-action="drafts" aria-label=${p.t('drafts.button')} title=${p.t('drafts.button')} ?disabled=${!p.editor} @click=${p.onDrafts}>${icon('drafts')}</button>
          ${p.manifest?.brief ? html`<button type="button" part="button primary" class="primary" data-action="submit" ?disabled=${!p.editor} @click=${p.onSubmit}>${p.t('submit.button')}</button>` : nothing}
          <button type="button" part="button" class="icon-button panel-toggle" data-action="panel" aria-label=${p.t('layers.toggle')} aria-expanded=${p.panelOpen ? 'true' : 'false'} @click=${p.onPanel}>${icon('layers')}</button>
        </div>
      </div>`;
}

/** "Undo (Ctrl+Z)": the label with the command's first shortcut. */
function titled(label: string, command: string): string {
  const key = shortcutOf(command).split(' ')[0];
  return key ? `${label} (${key.replace('Control', 'Ctrl')})` : label;
}
