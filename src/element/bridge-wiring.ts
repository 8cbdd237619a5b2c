import { BridgeController } from '../bridge/controller.ts';
import type { StudioEditor } from '../editor/editor.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import type { Metrics } from '../protocol/metrics.ts';

export interface BridgeWiring {
  hostOrigin: string | null;
  /** Null while the host switched metrics off. */
  metrics(): Metrics | null;
  restoreMetrics(total: Metrics): void;
  editor(): StudioEditor | undefined;
  fail(error: StudioError): void;
}

/**
 * The iframe bridge for `transport="postmessage"`, in a chunk of its own:
 * pages that embed the studio directly never load it.
 */
export function createBridge(host: ConstructorParameters<typeof BridgeController>[0], w: BridgeWiring): BridgeController {
  return new BridgeController(host, {
    hostOrigin: w.hostOrigin,
    metrics: w.metrics,
    view: () => w.editor()?.view,
    // The parent hands back the draft it kept for a frame whose own storage is denied.
    restoreDraft: async (draft) => {
      await host.loadDesign(draft.design);
      if (draft.metrics) w.restoreMetrics(draft.metrics);
      const editor = w.editor();
      if (editor?.manifest?.views.some((v) => v.id === draft.view)) editor.setView(draft.view);
    },
    onError: (e) => w.fail(new StudioError(ErrorCode.BridgeOrigin, e.message)),
  });
}
