import type { ReactiveController } from 'lit';
import type { DesignDocument } from '../document/types.ts';
import type { MetricsMode } from '../metrics/mode.ts';
import type { Metrics } from '../protocol/metrics.ts';
import type { BridgeDraft, ParentMessage, ParentPayloads, StorageState } from './envelope.ts';

/** What the controller needs of `<co-design-studio>`: its public API only. */
export interface BridgeHost extends HTMLElement {
  getDesign(): DesignDocument;
  loadDesign(doc: unknown): Promise<void>;
  author: string | undefined;
  /** The participant token of a campaign (docs/campaigns.md). */
  participant?: string | undefined;
  /** The time-on-task switch, `on` or `off` (docs/privacy.md). */
  metrics?: MetricsMode | undefined;
  submit?(): Promise<unknown>;
  addController?(controller: ReactiveController): void;
}

export type ParentCommand =
  | typeof ParentMessage.LoadDesign
  | typeof ParentMessage.SetAuthor
  | typeof ParentMessage.SetParticipant
  | typeof ParentMessage.SetMetrics
  | typeof ParentMessage.Submit
  | typeof ParentMessage.DraftRestore;

export interface BridgeOptions {
  /** The `host-origin` attribute: the exact origin of the parent page. */
  hostOrigin: string | null | undefined;
  /**
   * Called with every accepted command before the default action; awaited.
   * For `submit` on a host without `submit()` it is the action.
   */
  onCommand?(type: ParentCommand, payload: ParentPayloads[ParentCommand]): unknown;
  /** The bridge could not start or was refused something; the element shows and fires it. */
  onError?(error: { code: string; message: string }): void;
  /** How a draft handed back by the parent is opened; default `host.loadDesign(draft.design)`. */
  restoreDraft?(draft: BridgeDraft): Promise<void>;
  /** The draft's summed time on task, kept with the draft in the parent. */
  metrics?(): Metrics | null;
  /** The view on screen, kept with the draft. */
  view?(): string | undefined;
  /** Storage check; injectable for tests. */
  probe?(): Promise<StorageState>;
}
