import type { FlushReason } from '../../metrics/controller.ts';
import type { Metrics } from '../../protocol/metrics.ts';

/**
 * Time-on-task figures were flushed: the page was hidden or left, the
 * element was removed, or the periodic interval passed (docs/metrics.md).
 */
export class CoDesignMetricsEvent extends Event {
  static readonly type = 'co-design-metrics';
  constructor(
    readonly reason: FlushReason,
    /** This session so far. */
    readonly current: Metrics,
    /** Every session of this draft, this one included. */
    readonly total: Metrics,
  ) {
    super(CoDesignMetricsEvent.type, { bubbles: true, composed: true });
  }
}
