import { html, nothing, type TemplateResult } from 'lit';
import { MAX_BEND, type TextCurve } from '../../document/types.ts';
import { TextCurves, type CurveHost } from '../../editor/text-curves.ts';
import type { Translate } from '../../i18n/translate.ts';

/** The value of the line choice that means "an arc, bent by the slider". */
const ARC = '';

/**
 * The selected text's line: an arc with a bend slider (arrow keys step it,
 * one undo step per change; a pointer drag shows the bend live and records
 * it once, on release), or one of the view's template paths.
 */
export function renderCurveOptions(host: CurveHost, t: Translate): TemplateResult | typeof nothing {
  const curves = new TextCurves(host);
  const state = curves.selected();
  if (!state) return nothing;
  const { curve, paths } = state;
  const onPath = curve && 'path' in curve ? curve.path : undefined;
  const bend = curve && 'bend' in curve ? curve.bend : 0;
  const bent = (e: Event): TextCurve => ({ bend: Number((e.target as HTMLInputElement).value) });
  return html`<div class="curve-options">
    ${
      paths.length
        ? html`<label class="field"
            ><span class="field-label">${t('curve.line')}</span>
            <select
              data-curve="line"
              @change=${(e: Event) => {
                const value = (e.target as HTMLSelectElement).value;
                curves.set(value === ARC ? undefined : { path: value });
              }}
            >
              <option value=${ARC} ?selected=${!onPath}>${t('curve.arc')}</option>
              ${paths.map((p) => html`<option value=${p.id} ?selected=${onPath === p.id}>${p.name}</option>`)}
            </select></label
          >`
        : nothing
    }
    ${
      onPath
        ? nothing
        : html`<label class="field"
            ><span class="field-label">${t('curve.bend')}</span>
            <input
              type="range"
              data-curve="bend"
              min=${-MAX_BEND}
              max=${MAX_BEND}
              step="1"
              .value=${String(bend)}
              aria-valuetext=${bendText(bend, t)}
              @input=${(e: Event) => curves.preview(bent(e))}
              @change=${(e: Event) => curves.set(bent(e))}
          /></label>`
    }
  </div>`;
}

function bendText(bend: number, t: Translate): string {
  if (bend === 0) return t('curve.straight');
  return bend > 0 ? t('curve.up', { n: bend }) : t('curve.down', { n: -bend });
}
