import { html, nothing, type TemplateResult } from 'lit';
import { FillMode } from '../../editor/tools/types.ts';
import { rovingKeys, tabStop } from '../roving.ts';
import type { OptionsState } from './lazy.ts';

const radioKeys = rovingKeys(true);
const MODES = [FillMode.Cover, FillMode.Under, FillMode.Bucket] as const;

/** The fill tool's mode (over, base coat, bucket) and, for the bucket, its tolerance. */
export function fillOptions({ style, t, onStyle }: OptionsState): TemplateResult {
  return html`<div class="field">
      <span class="field-label" id="fill-mode-label">${t('fill.mode')}</span>
      <div class="chips" role="radiogroup" aria-labelledby="fill-mode-label" @keydown=${radioKeys}>
        ${MODES.map(
          (m) =>
            html`<button
              type="button"
              role="radio"
              part="button"
              class="chip"
              data-fill-mode=${m}
              tabindex=${tabStop(style.fillMode === m, false, true)}
              aria-checked=${style.fillMode === m ? 'true' : 'false'}
              @click=${() => onStyle({ fillMode: m })}
            >
              ${t(`fill.${m}`)}
            </button>`,
        )}
      </div>
    </div>
    ${
      style.fillMode === FillMode.Bucket
        ? html`<label class="field"
            ><span class="field-label">${t('fill.tolerance')}</span>
            <input
              type="range"
              name="fill-tolerance"
              min="0"
              max="100"
              step="1"
              .value=${String(style.fillTolerance)}
              @input=${(e: Event) => onStyle({ fillTolerance: Number((e.target as HTMLInputElement).value) })}
          /></label>`
        : nothing
    }`;
}
