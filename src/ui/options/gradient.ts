import { html, nothing, type TemplateResult } from 'lit';
import { GRADIENT_TYPES, type Gradient } from '../../document/types.ts';
import { DOCUMENT_LIMITS } from '../../document/limits.ts';
import { loadGradients } from '../../editor/render/fill.ts';
import { colourName } from '../colour-names.ts';
import { rovingKeys, tabStop } from '../roving.ts';
import type { OptionsState } from './lazy.ts';

const radioKeys = rovingKeys(true);
const KINDS = ['none', ...GRADIENT_TYPES] as const;

// The controls are shown before any gradient is drawn: the drawing code comes with them.
void loadGradients();

/**
 * Solid or a linear or radial gradient; its stops, each a colour the customer may use (the palette's when the
 * template has one), spread evenly; and a linear gradient's angle.
 */
export function gradientOptions(s: OptionsState): TemplateResult {
  const g = s.style.gradient;
  const kind = g?.type ?? 'none';
  const choose = (k: (typeof KINDS)[number]) =>
    s.onStyle({
      gradient:
        k === 'none' ? undefined : { ...startFrom(s, g), type: k, ...(k === 'linear' && { angle: g?.angle ?? 0 }) },
    });
  return html`<div class="field">
    <span class="field-label" id="gradient-label">${s.t('gradient.label')}</span>
    <div class="chips" role="radiogroup" aria-labelledby="gradient-label" @keydown=${radioKeys}>
      ${KINDS.map(
        (k) =>
          html`<button
            type="button"
            role="radio"
            part="button"
            class="chip"
            data-gradient=${k}
            tabindex=${tabStop(kind === k, false, true)}
            aria-checked=${kind === k ? 'true' : 'false'}
            @click=${() => choose(k)}
          >
            ${s.t(k === 'none' ? 'gradient.none' : `gradient.${k}`)}
          </button>`,
      )}
    </div>
    ${g ? stops(s, g) : nothing}
  </div>`;
}

/** A new gradient keeps the current stops, or runs from the current colour to the next swatch. */
function startFrom(s: OptionsState, g: Gradient | undefined): Gradient {
  if (g) return { type: g.type, stops: g.stops };
  const i = s.swatches.indexOf(s.style.color);
  const next = s.swatches[(i + 1) % s.swatches.length];
  return { type: 'linear', stops: spread([s.style.color, next === s.style.color ? s.swatches[0] : next]) };
}

function spread(colours: readonly string[]): Gradient['stops'] {
  return colours.map((color, i) => ({ at: i / (colours.length - 1), color }));
}

function stops(s: OptionsState, g: Gradient): TemplateResult {
  const set = (patch: Partial<Gradient>) => s.onStyle({ gradient: { ...g, ...patch } });
  const colours = g.stops.map((stop) => stop.color);
  const recolour = (i: number, colour: string) => set({ stops: spread(colours.map((c, k) => (k === i ? colour : c))) });
  return html`${g.stops.map(
    (stop, i) =>
      html`<label class="field"
          ><span class="field-label">${s.t('gradient.stop', { n: i + 1 })}</span>
          <select data-stop=${i} @change=${(e: Event) => recolour(i, (e.target as HTMLSelectElement).value)}>
            ${[...new Set([stop.color, ...s.swatches])].map(
              (c) => html`<option value=${c} ?selected=${c === stop.color}>${colourName(s.t, c)} (${c})</option>`,
            )}
          </select></label
        >`,
  )}
    <div class="chips">
      <button
        type="button"
        part="button"
        class="chip"
        data-action="add-stop"
        ?disabled=${g.stops.length >= DOCUMENT_LIMITS.gradientStops}
        @click=${() => set({ stops: spread([...colours, colours[colours.length - 1]]) })}
      >
        ${s.t('gradient.addStop')}
      </button>
      <button
        type="button"
        part="button"
        class="chip"
        data-action="remove-stop"
        ?disabled=${g.stops.length <= 2}
        @click=${() => set({ stops: spread(colours.slice(0, -1)) })}
      >
        ${s.t('gradient.removeStop')}
      </button>
    </div>
    ${
      g.type === 'linear'
        ? html`<label class="field"
            ><span class="field-label">${s.t('gradient.angle')}</span>
            <input
              type="range"
              name="gradient-angle"
              min="0"
              max="345"
              step="15"
              .value=${String(g.angle ?? 0)}
              @input=${(e: Event) => set({ angle: Number((e.target as HTMLInputElement).value) })}
          /></label>`
        : nothing
    }`;
}
