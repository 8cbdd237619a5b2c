import { nothing, type TemplateResult } from 'lit';
import type { StudioEditor } from '../../editor/editor.ts';
import type { Translate } from '../../i18n/translate.ts';

// The curve options are no first-paint code (the initial bundle has a budget):
// they load when a text is first selected, and the panel is drawn again then.
let loaded: typeof import('./curve.ts') | undefined;
let loading = false;

/** The selected text's curve options, once their chunk is here; nothing for other selections. */
export function curveOptions(editor: StudioEditor, t: Translate): TemplateResult | typeof nothing {
  if (loaded) return loaded.renderCurveOptions(editor.curveHost, t);
  const layer = editor.selectedLayer();
  if (loading || layer?.kind !== 'object' || layer.object.type !== 'text') return nothing;
  loading = true;
  import('./curve.ts').then(
    (m) => {
      loaded = m;
      // The element redraws its chrome on the editor's `state`.
      editor.dispatchEvent(new Event('state'));
    },
    () => (loading = false),
  );
  return nothing;
}
