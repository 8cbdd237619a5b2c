import type { StudioEditor } from '../editor/editor.ts';
export { CANVAS_SHORTCUTS } from '../editor/keyboard/shortcuts.ts';
import type { StudioError } from '../errors.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/translate.ts';

/** The message shown for an error, translated by its code. */
export function errorMessage(t: Translate, e: StudioError): string {
  const key = `error.${e.code}` as MessageKey;
  const { limit, maxSide } = e.params;
  return t(key, { detail: String(e.params.detail ?? e.message), limit: formatLimit(t, e.code, limit ?? maxSide) });
}

/** Sizes and pixel limits in the customer's locale: "8 MB", "1,5 MB", "4.096 × 4.096 px". */
function formatLimit(t: Translate, code: string, limit: string | number | undefined): string {
  if (typeof limit !== 'number') return String(limit ?? '');
  if (code === 'upload-too-large') return t.bytes(limit);
  if (code === 'upload-dimensions') return `${t.number(limit)} × ${t.number(limit)} px`;
  return t.number(limit);
}

/**
 * A text description of the design for screen readers: the view and each
 * layer with what it holds. O(layers): a paint layer's marks are counted, not read.
 */
export function describeCanvas(t: Translate, editor: StudioEditor): string {
  const manifest = editor.manifest;
  const view = manifest?.views.find((v) => v.id === editor.view)?.name ?? '';
  const layers = editor.layers;
  if (layers.every((l) => l.kind === 'paint' && l.marks.length === 0))
    return t('studio.canvas', { view, layers: t('studio.canvasEmpty') });
  const list = layers
    .map((l) => {
      const name = l.name;
      let layer: string;
      if (l.kind === 'paint') layer = t('describe.paint', { name, count: l.marks.length });
      else if (l.object.type === 'text') layer = t('describe.text', { name, text: l.object.text });
      else if (l.object.type === 'shape') layer = t('describe.shape', { name, shape: t(`shape.${l.object.shape}`) });
      else if (l.object.type === 'sticker') {
        const id = l.object.sticker;
        layer = t('describe.sticker', { name, sticker: manifest?.stickers?.find((k) => k.id === id)?.name ?? id });
      } else layer = t('describe.image', { name });
      return l.visible ? layer : t('describe.hidden', { layer });
    })
    .join('; ');
  return t('studio.canvas', { view, layers: t('studio.canvasLayers', { list }) });
}
