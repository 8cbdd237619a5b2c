import { html, type TemplateResult } from 'lit';
import type { Layer } from '../document/types.ts';
import type { Translate } from '../i18n/translate.ts';
import { icon } from './icons.ts';

export interface LayersPanelState {
  layers: readonly Layer[];
  active: string | undefined;
  t: Translate;
  onActivate(id: string): void;
  onMove(id: string, step: 1 | -1): void;
  onUpdate(id: string, patch: Partial<Pick<Layer, 'name' | 'visible' | 'locked'>>): void;
  onDelete(id: string): void;
  onAdd(): void;
}

/** Layers, top of the stack first, as painters expect. */
export function renderLayersPanel(s: LayersPanelState): TemplateResult {
  const top = [...s.layers].reverse();
  return html`<section class="layers-panel" part="panel layers-panel" aria-labelledby="layers-heading">
    <div class="panel-head">
      <h2 id="layers-heading">${s.t('layers.label')}</h2>
      <button type="button" part="button" class="icon-button" data-action="add-layer" aria-label=${s.t('layers.add')} title=${s.t('layers.add')} @click=${s.onAdd}>${icon('plus')}</button>
    </div>
    <ol class="layers">
      ${top.length === 0 ? html`<li class="empty">${s.t('layers.empty')}</li>` : ''}
      ${top.map((layer, i) => row(s, layer, i === 0, i === top.length - 1))}
    </ol>
  </section>`;
}

function row(s: LayersPanelState, layer: Layer, isTop: boolean, isBottom: boolean): TemplateResult {
  const name = layer.name;
  const rename = (e: Event) => {
    const value = (e.target as HTMLInputElement).value.trim().slice(0, 120);
    if (value && value !== name) s.onUpdate(layer.id, { name: value });
  };
  return html`<li class="layer ${layer.id === s.active ? 'active' : ''}" data-layer=${layer.id} aria-current=${layer.id === s.active ? 'true' : 'false'}>
    <button type="button" class="layer-pick" part="button" aria-label=${s.t('layers.select', { name })} title=${s.t('layers.select', { name })} aria-pressed=${layer.id === s.active ? 'true' : 'false'} @click=${() => s.onActivate(layer.id)}>
      <span class="kind">${icon(layer.kind === 'paint' ? 'pencil' : layer.object.type === 'sticker' ? 'sticker' : layer.object.type)}</span>
    </button>
    <input class="layer-name" .value=${name} aria-label=${s.t('layers.rename', { name })} @change=${rename} @focus=${() => s.onActivate(layer.id)} />
    <button type="button" class="icon-button" data-action="visible" aria-label=${s.t(layer.visible ? 'layers.hide' : 'layers.show', { name })} aria-pressed=${layer.visible ? 'false' : 'true'} @click=${() => s.onUpdate(layer.id, { visible: !layer.visible })}>
      ${icon(layer.visible ? 'eye' : 'eyeOff')}
    </button>
    <button type="button" class="icon-button" data-action="lock" aria-label=${s.t(layer.locked ? 'layers.unlock' : 'layers.lock', { name })} aria-pressed=${layer.locked ? 'true' : 'false'} @click=${() => s.onUpdate(layer.id, { locked: !layer.locked })}>
      ${icon(layer.locked ? 'lock' : 'unlock')}
    </button>
    <button type="button" class="icon-button" data-action="up" aria-label=${s.t('layers.up', { name })} ?disabled=${isTop} @click=${() => s.onMove(layer.id, 1)}>${icon('up')}</button>
    <button type="button" class="icon-button" data-action="down" aria-label=${s.t('layers.down', { name })} ?disabled=${isBottom} @click=${() => s.onMove(layer.id, -1)}>${icon('down')}</button>
    <button type="button" class="icon-button" data-action="delete" aria-label=${s.t('layers.delete', { name })} @click=${() => s.onDelete(layer.id)}>${icon('trash')}</button>
  </li>`;
}
