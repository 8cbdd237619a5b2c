import type { BridgeController } from '../bridge/controller.ts';
import { createDocument } from '../document/create.ts';
import type { DesignDocument } from '../document/types.ts';
import type { MetricsReport } from '../protocol/metrics.ts';
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
export function deliverMetrics(report: MetricsReport, bridge: BridgeController | undefined, endpoint: string | undefined): void {
  if (bridge) bridge.post('metrics', report);
  else if (endpoint) sendMetricsBeacon(`${endpoint.replace(/\/+$/, '')}/metrics`, report);
}
