import type { BridgeController } from '../bridge/controller.ts';
import { createDocument } from '../document/create.ts';
import type { DesignDocument } from '../document/types.ts';
import type { MetricsReport } from '../protocol/metrics.ts';
import type { DraftsController } from '../drafts/controller.ts';
import type { StudioEditor } from '../editor/editor.ts';
import type { MetricsController, MetricsFlush } from '../metrics/controller.ts';
import { CoDesignMetricsEvent } from './events/metrics.ts';
import type { TemplateManifest } from '../template/types.ts';
import { sendMetricsBeacon } from '../transport/beacon.ts';

/** An empty design for a template; the starting layer's name is user-facing, so it comes translated. */
export function freshDesign(m: TemplateManifest, firstLayerName: string, author: string | undefined): DesignDocument {
  const doc = createDocument({ id: m.id, version: m.templateVersion, viewIds: m.views.map((v) => v.id) });
  for (const view of doc.views) for (const layer of view.layers) layer.name = firstLayerName;
  if (author) doc.meta.author = author;
  return doc;
}

/**
 * Where a metrics report goes: in a social app's iframe to the parent page
 * (which delivers it itself), else as a beacon to `{endpoint}/metrics` — also
 * for customers who never submit, the funnel the brand wants.
 */
export function deliverMetrics(
  report: MetricsReport,
  bridge: BridgeController | undefined,
  endpoint: string | undefined,
): void {
  if (bridge) bridge.post('metrics', report);
  else if (endpoint) sendMetricsBeacon(`${endpoint.replace(/\/+$/, '')}/metrics`, report);
}

/**
 * Time-on-task figures were flushed (hidden, left, removed, every 30 s): the
 * host hears `co-design-metrics`, the draft keeps the total, and the report
 * goes to the brand.
 */
export function metricsFlushed(
  host: EventTarget,
  f: MetricsFlush,
  to: {
    report: MetricsController['report'];
    drafts: DraftsController;
    editor: StudioEditor | undefined;
    bridge: BridgeController | undefined;
    endpoint: string | undefined;
  },
): void {
  host.dispatchEvent(new CoDesignMetricsEvent(f.reason, f.current, f.total));
  void to.drafts.saveMetrics(f.total);
  const template = to.editor?.ready ? to.editor.design.template : undefined;
  const draft = to.drafts.meta?.id;
  if (template && draft) deliverMetrics(to.report({ draft, template, submitted: false }), to.bridge, to.endpoint);
}
