import { html, nothing } from 'lit';
import type { StudioEditor } from '../editor/editor.ts';
import type { Translate } from '../i18n/translate.ts';
import type { TemplateManifest } from '../template/types.ts';
import { icon } from './icons.ts';

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
          ? html`<div class="views" role="tablist" aria-label=${p.t('views.label')}>
              ${p.manifest.views.map((v) => html`<button type="button" role="tab" part="button view-tab" data-view=${v.id} aria-selected=${p.editor?.view === v.id ? 'true' : 'false'} @click=${() => p.editor?.setView(v.id)}>${v.name}</button>`)}
            </div>`
          : html`<div class="title">${p.manifest?.name ?? p.t('studio.loading')}</div>`}
        <div class="actions">
          <button type="button" part="button" class="icon-button" data-action="undo" aria-label=${p.t('action.undo')} title=${p.t('action.undo')} ?disabled=${!p.editor?.canUndo} @click=${() => p.editor?.undo()}>${icon('undo')}</button>
          <button type="button" part="button" class="icon-button" data-action="redo" aria-label=${p.t('action.redo')} title=${p.t('action.redo')} ?disabled=${!p.editor?.canRedo} @click=${() => p.editor?.redo()}>${icon('redo')}</button>
          <button type="button" part="button" class="icon-button" data-action="zoom-out" aria-label=${p.t('action.zoomOut')} title=${p.t('action.zoomOut')} @click=${() => p.editor?.viewport.zoomBy(0.8)}>${icon('zoomOut')}</button>
          <button type="button" part="button" class="icon-button" data-action="zoom-in" aria-label=${p.t('action.zoomIn')} title=${p.t('action.zoomIn')} @click=${() => p.editor?.viewport.zoomBy(1.25)}>${icon('zoomIn')}</button>
          <button type="button" part="button" class="icon-button" data-action="fit" aria-label=${p.t('action.fit')} title=${p.t('action.fit')} @click=${() => p.editor?.viewport.fit()}>${icon('fit')}</button>
          <button type="button" part="button" class="icon-button" data-action="drafts" aria-label=${p.t('drafts.button')} title=${p.t('drafts.button')} ?disabled=${!p.editor} @click=${p.onDrafts}>${icon('drafts')}</button>
          ${p.manifest?.brief ? html`<button type="button" part="button primary" class="primary" data-action="submit" ?disabled=${!p.editor} @click=${p.onSubmit}>${p.t('submit.button')}</button>` : nothing}
          <button type="button" part="button" class="icon-button panel-toggle" data-action="panel" aria-label=${p.t('layers.toggle')} aria-expanded=${p.panelOpen ? 'true' : 'false'} @click=${p.onPanel}>${icon('layers')}</button>
        </div>
      </div>`;
}
