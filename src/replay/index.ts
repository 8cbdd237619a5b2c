/**
 * `dist/replay.js` (`co-design-studio/replay`): defines `<co-design-replay>`, built on its own
 * (`vite build --mode replay`), never part of the studio's bundle.
 */
import { CoDesignReplay } from './co-design-replay.component.ts';
import { CoDesignReplayReadyEvent } from './events/ready.ts';

export { CoDesignReplay, CoDesignReplayReadyEvent };
export {
  VideoUnsupportedError,
  type ExportVideoOptions,
  type ReplayVideo,
  type VideoProgress,
} from './export-video.ts';
export { buildTimeline, MAX_PAUSE_MS, type ReplayEvent, type Timeline } from './timeline.ts';

if (!customElements.get('co-design-replay')) customElements.define('co-design-replay', CoDesignReplay);

declare global {
  interface HTMLElementTagNameMap {
    'co-design-replay': CoDesignReplay;
  }
  interface HTMLElementEventMap {
    'co-design-replay-ready': CoDesignReplayReadyEvent;
  }
}
