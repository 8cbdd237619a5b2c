import { nothing, type TemplateResult } from 'lit';
import type { BrushStyle } from '../../editor/tools/types.ts';
import type { Translate } from '../../i18n/translate.ts';

/** What a tool's own options render from: the brush, the strings, and a way to change the brush. */
export interface OptionsState {
  style: BrushStyle;
  /** The colours the customer may choose: the template's palette, or the studio's swatches. */
  swatches: readonly string[];
  t: Translate;
  onStyle(patch: Partial<BrushStyle>): void;
}

type Options = typeof import('./options.ts');
let loaded: Options | undefined;
let loading: Promise<void> | undefined;

/**
 * The options of the fill tool and of gradients, rendered from a chunk of their own: a first paint never shows
 * them. Until it arrives nothing is shown; once it has, an empty style change asks the studio to render again.
 */
export function lazyOptions(which: keyof Options, s: OptionsState): TemplateResult | typeof nothing {
  if (loaded) return loaded[which](s);
  loading ??= import('./options.ts').then(
    (m) => {
      loaded = m;
      s.onStyle({});
    },
    () => {
      // Tried again with the next render.
      loading = undefined;
    },
  );
  return nothing;
}
