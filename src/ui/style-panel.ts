import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { SHAPES, type ShapeKind } from '../document/types.ts';
import type { BrushStyle, ToolId, ToolOption } from '../editor/tools/types.ts';
import type { Translate } from '../i18n/translate.ts';
import type { TemplateManifest } from '../template/types.ts';
import { colourName } from './colour-names.ts';
import { lazyOptions } from './options/lazy.ts';
import { rovingKeys, tabStop } from './roving.ts';

const radioKeys = rovingKeys(true);

export interface StylePanelState {
  tool: ToolId;
  /** What the tool's definition says it takes (src/editor/tools/). */
  options: readonly ToolOption[];
  style: BrushStyle;
  manifest: TemplateManifest;
  resolve(url: string): string;
  t: Translate;
  onStyle(patch: Partial<BrushStyle>): void;
}

/** A few colours to start from when the template sets no palette. */
const DEFAULT_SWATCHES = ['#111111', '#ffffff', '#e4002b', '#ff7a00', '#ffd400', '#1fa84f', '#0072ce', '#6a2c91'];

/** Options of the current tool: colour, size, opacity, font, shape, sticker. */
export function renderStylePanel(s: StylePanelState): TemplateResult {
  const has = (o: ToolOption) => s.options.includes(o);
  return html`<section class="style-panel" part="panel style-panel" aria-label=${s.t(`tool.${s.tool}`)}>
    ${has('color') ? colours(s) : nothing} ${has('size') ? range(s, 'style.size', 'size', 1, 80, 1) : nothing}
    ${has('opacity') ? range(s, 'style.opacity', 'markerOpacity', 0.1, 0.9, 0.05) : nothing}
    ${has('density') ? range(s, 'style.density', 'sprayDensity', 4, 80, 1) : nothing}
    ${has('font') ? fonts(s) : nothing} ${has('shape') ? shapes(s) : nothing} ${has('sticker') ? stickers(s) : nothing}
    ${has('fill') ? lazyOptions('fill', { ...s, swatches: swatches(s) }) : nothing}
    ${has('gradient') && (s.tool !== 'shape' || s.style.shapeFilled) ? gradients(s) : nothing}
  </section>`;
}

function gradients(s: StylePanelState): TemplateResult | typeof nothing {
  return lazyOptions('gradient', { ...s, swatches: swatches(s) });
}

/** The colours on offer: the template's palette, or a few to start from. */
export function swatches(s: Pick<StylePanelState, 'manifest'>): readonly string[] {
  return s.manifest.palette?.length ? s.manifest.palette : DEFAULT_SWATCHES;
}

function colours(s: StylePanelState): TemplateResult {
  const palette = s.manifest.palette;
  const swatches = palette?.length ? palette : DEFAULT_SWATCHES;
  return html`<div class="field">
    <span class="field-label" id="colour-label">${palette?.length ? s.t('style.palette') : s.t('style.color')}</span>
    <div class="swatches" role="radiogroup" aria-labelledby="colour-label" @keydown=${radioKeys}>
      ${swatches.map(
        // The colour goes in through the CSSOM (ref): a style="…" attribute is refused under a strict style-src.
        (c, i) =>
          html`<button
            type="button"
            role="radio"
            part="button swatch"
            class="swatch"
            data-colour=${c}
            ${ref((el) => (el as HTMLElement | undefined)?.style.setProperty('--swatch', c))}
            tabindex=${tabStop(s.style.color === c, i === 0, swatches.includes(s.style.color))}
            aria-checked=${s.style.color === c ? 'true' : 'false'}
            aria-label=${colourName(s.t, c)}
            title=${`${colourName(s.t, c)} (${c})`}
            @click=${() => s.onStyle({ color: c })}
          ></button>`,
      )}
    </div>
    ${
      palette?.length
        ? nothing
        : html`<label class="custom-colour"
            ><span class="custom-colour-label">${s.t('style.customColor')}</span>
            <input
              type="color"
              .value=${s.style.color}
              @change=${(e: Event) => s.onStyle({ color: (e.target as HTMLInputElement).value })}
          /></label>`
    }
  </div>`;
}

function range(
  s: StylePanelState,
  label: 'style.size' | 'style.opacity' | 'style.density',
  key: 'size' | 'markerOpacity' | 'sprayDensity',
  min: number,
  max: number,
  step: number,
): TemplateResult {
  return html`<label class="field"
    ><span class="field-label">${s.t(label)}</span>
    <input
      type="range"
      min=${min}
      max=${max}
      step=${step}
      .value=${String(s.style[key])}
      @input=${(e: Event) => s.onStyle({ [key]: Number((e.target as HTMLInputElement).value) })}
  /></label>`;
}

function fonts(s: StylePanelState): TemplateResult {
  const fonts = s.manifest.fonts?.length ? s.manifest.fonts : [{ family: 'sans-serif', label: 'Sans' }];
  return html`<label class="field"
      ><span class="field-label">${s.t('style.font')}</span>
      <select @change=${(e: Event) => s.onStyle({ font: (e.target as HTMLSelectElement).value })}>
        ${fonts.map(
          (f) => html`<option value=${f.family} ?selected=${s.style.font === f.family}>${f.label ?? f.family}</option>`,
        )}
      </select></label
    >
    <label class="field"
      ><span class="field-label">${s.t('style.fontSize')}</span>
      <input
        type="range"
        min="12"
        max="240"
        step="2"
        .value=${String(s.style.fontSize)}
        @input=${(e: Event) => s.onStyle({ fontSize: Number((e.target as HTMLInputElement).value) })}
    /></label>`;
}

function shapes(s: StylePanelState): TemplateResult {
  return html`<div class="field">
    <span class="field-label" id="shape-label">${s.t('style.shape')}</span>
    <div class="chips" role="radiogroup" aria-labelledby="shape-label" @keydown=${radioKeys}>
      ${SHAPES.map(
        (k: ShapeKind) =>
          html`<button
            type="button"
            role="radio"
            part="button"
            class="chip"
            data-shape=${k}
            tabindex=${tabStop(s.style.shape === k, false, true)}
            aria-checked=${s.style.shape === k ? 'true' : 'false'}
            @click=${() => s.onStyle({ shape: k })}
          >
            ${s.t(`shape.${k}`)}
          </button>`,
      )}
    </div>
    <label class="check"
      ><input
        type="checkbox"
        .checked=${s.style.shapeFilled}
        @change=${(e: Event) => s.onStyle({ shapeFilled: (e.target as HTMLInputElement).checked })}
      />
      ${s.t('style.filled')}</label
    >
  </div>`;
}

function stickers(s: StylePanelState): TemplateResult {
  return html`<div class="field">
    <span class="field-label" id="sticker-label">${s.t('sticker.choose')}</span>
    <div class="stickers" role="radiogroup" aria-labelledby="sticker-label" @keydown=${radioKeys}>
      ${(s.manifest.stickers ?? []).map(
        (k, i, all) =>
          html`<button
            type="button"
            role="radio"
            part="button sticker"
            class="sticker"
            data-sticker=${k.id}
            tabindex=${tabStop(
              s.style.sticker === k.id,
              i === 0,
              all.some((x) => x.id === s.style.sticker),
            )}
            aria-checked=${s.style.sticker === k.id ? 'true' : 'false'}
            aria-label=${k.name}
            title=${k.name}
            @click=${() => s.onStyle({ sticker: k.id })}
          >
            <img src=${s.resolve(k.src)} alt="" />
          </button>`,
      )}
    </div>
  </div>`;
}
