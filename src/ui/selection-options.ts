import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { ObjectLayer, ShapeObject, TextObject } from '../document/types.ts';
import { withStyle, type ObjectStyle } from '../editor/object-style.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/translate.ts';
import type { TemplateManifest } from '../template/types.ts';
import { colourName } from './colour-names.ts';
import { rovingKeys, tabStop } from './roving.ts';

const radioKeys = rovingKeys(true);
/** As the style panel's, for a template with no palette. */
const DEFAULT_SWATCHES = ['#111111', '#ffffff', '#e4002b', '#ff7a00', '#ffd400', '#1fa84f', '#0072ce', '#6a2c91'];

export interface SelectionOptionsState {
  layer: ObjectLayer;
  manifest: TemplateManifest;
  t: Translate;
  /** Replaces the object with a changed copy: one change, one undo step. */
  onChange(next: ObjectLayer['object']): void;
}

/**
 * The selected object's own options, showing its values (not the brush's):
 * a text's colour, font and size; a shape's fill and outline. A sticker or
 * an image has none, so the panel names the object and offers nothing else.
 */
export function renderSelectionOptions(state: SelectionOptionsState): TemplateResult {
  const o = state.layer.object;
  const s = { ...state, change: (patch: ObjectStyle) => state.onChange(withStyle(o, patch)) };
  return html`<section
    class="style-panel selection-options"
    part="panel style-panel"
    aria-label=${s.layer.name}
    data-object=${o.type}
  >
    ${o.type === 'text' ? textOptions(s, o) : o.type === 'shape' ? shapeOptions(s, o) : nothing}
  </section>`;
}

function textOptions(s: Options, o: TextObject): TemplateResult {
  const fonts = s.manifest.fonts?.length ? s.manifest.fonts : [{ family: o.font, label: o.font }];
  return html`${swatches(s, 'color', o.color, (color) => s.change({ color: color ?? undefined }))}
    <label class="field"
      ><span class="field-label">${s.t('style.font')}</span>
      <select data-option="font" @change=${(e: Event) => s.change({ font: (e.target as HTMLSelectElement).value })}>
        ${fonts.map(
          (f) => html`<option value=${f.family} ?selected=${o.font === f.family}>${f.label ?? f.family}</option>`,
        )}
      </select></label
    >
    ${range(s, 'style.fontSize', 'size', o.size, 12, 240, 2)}`;
}

function shapeOptions(s: Options, o: ShapeObject): TemplateResult {
  return html`${o.shape === 'line' ? nothing : swatches(s, 'fill', o.fill, (fill) => s.change({ fill }))}
  ${swatches(s, 'stroke', o.stroke, (stroke) => s.change({ stroke }))}
  ${o.stroke ? range(s, 'style.outlineWidth', 'strokeWidth', o.strokeWidth, 1, 80, 1) : nothing}`;
}

type Options = SelectionOptionsState & { change(patch: ObjectStyle): void };

const LABELS = { color: 'style.color', fill: 'style.fill', stroke: 'style.outline' } as const;

/**
 * One colour of the object: the palette's swatches (a radio group), plus
 * "None" for a shape's fill or outline. Changes on click, one step each.
 */
function swatches(
  s: Options,
  which: keyof typeof LABELS,
  value: string | null,
  pick: (colour: string | null) => void,
): TemplateResult {
  const list: (string | null)[] = s.manifest.palette?.length ? [...s.manifest.palette] : [...DEFAULT_SWATCHES];
  if (which !== 'color') list.unshift(null);
  const id = `selection-${which}-label`;
  return html`<div class="field" data-option=${which}>
    <span class="field-label" id=${id}>${s.t(LABELS[which])}</span>
    <div class="swatches" role="radiogroup" aria-labelledby=${id} @keydown=${radioKeys}>
      ${list.map((c, i) => {
        const name = c ? colourName(s.t, c) : s.t('style.none');
        return html`<button
          type="button"
          role="radio"
          part="button swatch"
          class=${c ? 'swatch' : 'swatch none'}
          data-colour=${c ?? 'none'}
          ${ref((el) => c && (el as HTMLElement | undefined)?.style.setProperty('--swatch', c))}
          tabindex=${tabStop(value === c, i === 0, list.includes(value))}
          aria-checked=${value === c ? 'true' : 'false'}
          aria-label=${name}
          title=${c ? `${name} (${c})` : name}
          @click=${() => value !== c && pick(c)}
        ></button>`;
      })}
    </div>
  </div>`;
}

/** A size of the object: it changes when the slider is let go (or per arrow key), so a drag is one undo step. */
function range(
  s: Options,
  label: MessageKey,
  key: 'size' | 'strokeWidth',
  value: number,
  min: number,
  max: number,
  step: number,
): TemplateResult {
  return html`<label class="field"
    ><span class="field-label">${s.t(label)}</span>
    <input
      type="range"
      data-option=${key}
      min=${min}
      max=${max}
      step=${step}
      .value=${String(value)}
      @change=${(e: Event) => s.change({ [key]: Number((e.target as HTMLInputElement).value) })}
  /></label>`;
}
