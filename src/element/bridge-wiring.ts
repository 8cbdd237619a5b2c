import { BridgeController } from '../bridge/controller.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import type { Metrics } from '../protocol/metrics.ts';

export interface BridgeWiring {
  hostOrigin: string | null;
  /** Null while the host switched metrics off. */
  metrics(): Metrics | null;
  restoreMetrics(total: Metrics): void;
  /** The view on screen, for the drafts the parent keeps. */
  view(): string | undefined;
  /** Validates and shows a design with the view it was left on (the element's one way in for designs). */
  show(design: unknown, view: string): Promise<void>;
  fail(error: StudioError): void;
}

/**
 * The iframe bridge for `transport="postmessage"`, in a chunk of its own:
 * pages that embed the studio directly never load it.
 */
export function createBridge(
  host: ConstructorParameters<typeof BridgeController>[0],
  w: BridgeWiring,
): BridgeController {
  return new BridgeController(host, {
    hostOrigin: w.hostOrigin,
    metrics: w.metrics,
    view: w.view,
    // The parent hands back the draft it kept for a frame whose own storage is denied.
    restoreDraft: async (draft) => {
      await w.show(draft.design, draft.view);
      if (draft.metrics) w.restoreMetrics(draft.metrics);
    },
    onError: (e) => w.fail(new StudioError(ErrorCode.BridgeOrigin, e.message)),
  });
}
