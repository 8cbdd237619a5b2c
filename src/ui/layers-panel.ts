import { html, type TemplateResult } from 'lit';
import type { Layer } from '../document/types.ts';
import type { StudioEditor } from '../editor/editor.ts';
import { toolDefinition } from '../editor/tools/registry.ts';
import type { Translate } from '../i18n/translate.ts';
import { commandButton } from './command-button.ts';
import { icon } from './icons.ts';

/** Layers, top of the stack first, as painters expect; every button runs a `layer.*` command. */
export function renderLayersPanel(editor: StudioEditor, t: Translate): TemplateResult {
  const top = [...editor.layers].reverse();
  return html`<section class="layers-panel" part="panel layers-panel" aria-labelledby="layers-heading">
    <div class="panel-head">
      <h2 id="layers-heading">${t('layers.label')}</h2>
      ${commandButton(editor, 'layer.add', t, { action: 'add-layer' })}
    </div>
    <ol class="layers">
      ${top.length === 0 ? html`<li class="empty">${t('layers.empty')}</li>` : ''}
      ${top.map((layer) => row(editor, t, layer))}
    </ol>
  </section>`;
}

function row(editor: StudioEditor, t: Translate, layer: Layer): TemplateResult {
  const { name, id } = layer;
  const active = id === editor.activeLayer;
  const run = (command: string, patch?: Partial<Pick<Layer, 'name' | 'visible' | 'locked'>>) =>
    editor.commands.run(command, { layer: id, patch });
  const rename = (e: Event) => {
    const value = (e.target as HTMLInputElement).value.trim().slice(0, 120);
    if (value && value !== name) run('layer.update', { name: value });
  };
  const kind = layer.kind === 'paint' ? 'pencil' : layer.object.type;
  return html`<li class="layer ${active ? 'active' : ''}" data-layer=${id} aria-current=${active ? 'true' : 'false'}>
    <button
      type="button"
      class="layer-pick"
      part="button"
      aria-label=${t('layers.select', { name })}
      title=${t('layers.select', { name })}
      aria-pressed=${active ? 'true' : 'false'}
      @click=${() => run('layer.select')}
    >
      <span class="kind">${icon(toolDefinition(kind)?.icon ?? kind)}</span>
    </button>
    <input
      class="layer-name"
      .value=${name}
      title=${name}
      aria-label=${t('layers.rename', { name })}
      @change=${rename}
      @focus=${() => run('layer.select')}
    />
    <button
      type="button"
      class="icon-button"
      data-action="visible"
      aria-label=${t(layer.visible ? 'layers.hide' : 'layers.show', { name })}
      aria-pressed=${layer.visible ? 'false' : 'true'}
      @click=${() => run('layer.update', { visible: !layer.visible })}
    >
      ${icon(layer.visible ? 'eye' : 'eyeOff')}
    </button>
    <button
      type="button"
      class="icon-button"
      data-action="lock"
      aria-label=${t(layer.locked ? 'layers.unlock' : 'layers.lock', { name })}
      aria-pressed=${layer.locked ? 'true' : 'false'}
      @click=${() => run('layer.update', { locked: !layer.locked })}
    >
      ${icon(layer.locked ? 'lock' : 'unlock')}
    </button>
    ${commandButton(editor, 'layer.up', t, { action: 'up', args: { layer: id }, params: { name } })}
    ${commandButton(editor, 'layer.down', t, { action: 'down', args: { layer: id }, params: { name } })}
    ${commandButton(editor, 'layer.delete', t, { action: 'delete', args: { layer: id }, params: { name } })}
  </li>`;
}
