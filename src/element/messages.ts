import type { StudioEditor } from '../editor/editor.ts';
import type { StudioError } from '../errors.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/translate.ts';

/** The message shown for an error, translated by its code. */
export function errorMessage(t: Translate, e: StudioError): string {
  const key = `error.${e.code}` as MessageKey;
  const limit = e.params.limit;
  return t(key, { detail: String(e.params.detail ?? e.message), limit: typeof limit === 'number' ? formatLimit(limit, e.code) : String(limit ?? '') });
}

function formatLimit(n: number, code: string): string {
  if (code === 'upload-too-large') return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
  return new Intl.NumberFormat().format(n);
}

/** A text description of the design for screen readers: the view and its layers. */
export function describeCanvas(t: Translate, editor: StudioEditor): string {
  const view = editor.manifest?.views.find((v) => v.id === editor.view)?.name ?? '';
  const layers = editor.layers;
  if (layers.every((l) => l.kind === 'paint' && l.marks.length === 0)) return t('studio.canvas', { view, layers: t('studio.canvasEmpty') });
  const list = layers.map((l) => (l.kind === 'paint' ? `${l.name} (${l.marks.length})` : l.object.type === 'text' ? `${l.name}: “${l.object.text}”` : l.name)).join(', ');
  return t('studio.canvas', { view, layers: t('studio.canvasLayers', { list }) });
}
