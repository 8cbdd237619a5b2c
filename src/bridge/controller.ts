/**
 * The studio's side of the iframe bridge (`transport="postmessage"`): talks
 * to `window.parent` only, with the exact `host-origin` as target and as the
 * one origin it listens to. A reactive controller by shape (lit's interface,
 * imported as a type only), so the element adds it like any other; it can
 * also be attached to a mounted studio from outside.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newId } from '../document/ids.ts';
import type { DesignDocument } from '../document/types.ts';
import {
  BRIDGE_DRAFT_FORMAT,
  BridgeErrorCode,
  envelope,
  exactOrigin,
  FrameMessage,
  ParentMessage,
  parentPayloadRules,
  readMessage,
  StorageState,
  type BridgeDraft,
  type Envelope,
  type FramePayloads,
  type ParentPayloads,
} from './envelope.ts';
import { Keeper, KeeperEvent } from './keeper.ts';
import { commandError, performCommand } from './commands.ts';
import { probeStorage } from './storage.ts';
import type { Submission } from '../protocol/submission.ts';

import type { BridgeHost, BridgeOptions, ParentCommand } from './host.ts';

export type { BridgeHost, BridgeOptions, ParentCommand };

/** Autosave to the parent waits this long after the last change, as the drafts store does. */
export const BRIDGE_SAVE_DELAY_MS = 400;
/** A `request` whose ack has not come in this long rejects. */
export const BRIDGE_ACK_TIMEOUT_MS = 10_000;
/** After a `ready` with denied storage, a helper that has not answered in this long is taken to be absent. */
export const BRIDGE_HELPER_WAIT_MS = 3000;
/** Codes of the drafts controller's failures: the frame's own storage stopped keeping the design. */
const STORAGE_FAILURES: ReadonlySet<string> = new Set(['storage-unavailable', 'storage-full']);

interface Pending {
  resolve(): void;
  reject(error: { code: string; message: string }): void;
  timer: ReturnType<typeof setTimeout>;
}

export class BridgeController implements ReactiveController {
  /** The origin messages go to and come from; undefined when the bridge refused to start. */
  readonly hostOrigin: string | undefined;
  storage: StorageState | undefined;
  private started = false;
  private resize: ResizeObserver | undefined;
  private lastHeight = -1;
  private draftId = newId();
  private draftName = '';
  /** The customer edited since the last `ready`: a late `draft-restore` must not replace their work. */
  private edited = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The frame's own storage failed (before or after `ready`): from then on the parent keeps the draft. */
  private storageLost = false;
  private readySeen = false;
  private keeper: Keeper | undefined;
  private helperTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly host: BridgeHost & Partial<ReactiveControllerHost>,
    private readonly options: BridgeOptions,
  ) {
    this.hostOrigin = exactOrigin(options.hostOrigin);
    // lit's addController connects at once when the host is already connected.
    if (typeof host.addController === 'function') host.addController(this);
  }

  hostConnected(): void {
    if (this.started) return;
    if (!this.hostOrigin)
      return this.refuse(
        'host-origin must be the exact origin of the parent page (e.g. https://app.example), ' +
          `got ${JSON.stringify(this.options.hostOrigin ?? null)}`,
      );
    if (window.parent === window) return this.refuse('transport="postmessage" needs the studio inside an iframe');
    this.started = true;
    window.addEventListener('message', this.handleMessage);
    this.host.addEventListener('co-design-ready', this.handleReady);
    this.host.addEventListener('co-design-change', this.handleChange);
    this.host.addEventListener('co-design-error', this.handleError);
    document.addEventListener('visibilitychange', this.handleVisibility);
    window.addEventListener('pagehide', this.handlePageHide);
    this.resize = new ResizeObserver(() => this.reportHeight());
    this.resize.observe(this.host);
    this.reportHeight();
    // Until `ready` says otherwise, a failing storage is no cause for alarm yet: the parent may keep the draft.
    this.tell(Keeper.Waiting);
  }

  hostDisconnected(): void {
    if (!this.started) return;
    this.flushDraft();
    this.started = false;
    window.removeEventListener('message', this.handleMessage);
    this.host.removeEventListener('co-design-ready', this.handleReady);
    this.host.removeEventListener('co-design-change', this.handleChange);
    this.host.removeEventListener('co-design-error', this.handleError);
    document.removeEventListener('visibilitychange', this.handleVisibility);
    window.removeEventListener('pagehide', this.handlePageHide);
    this.resize?.disconnect();
    clearTimeout(this.helperTimer);
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject({ code: BridgeErrorCode.Unsupported, message: 'the studio was removed' });
    }
    this.pending.clear();
  }

  // ---- sending ----------------------------------------------------------------

  /** Sends one message to the parent; returns its id, or undefined when the bridge is not running. */
  post<T extends FrameMessage>(type: T, payload: FramePayloads[T], id = newId()): string | undefined {
    if (!this.started || !this.hostOrigin) return undefined;
    // Never '*': a parent that navigated elsewhere must not receive the design.
    window.parent.postMessage(envelope(type, payload, id), this.hostOrigin);
    return id;
  }

  /** Sends and waits for the parent's `ack` (a submission, a draft): rejects on its `error` or a timeout. */
  request<T extends FrameMessage>(
    type: T,
    payload: FramePayloads[T],
    timeoutMs = BRIDGE_ACK_TIMEOUT_MS,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const id = newId();
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject({
          code: BridgeErrorCode.Unsupported,
          message: `the host page did not acknowledge "${type}" within ${timeoutMs} ms`,
        });
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      if (!this.post(type, payload, id)) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject({ code: BridgeErrorCode.Origin, message: 'the bridge is not running' });
      }
    });
  }

  /**
   * Hands a submission to the host page: `taken` once its handler has it,
   * `queued` when the page stored it in its own outbox and will hand it over
   * again (after a reload, when back online); rejects when it has neither.
   */
  async submit(submission: Submission): Promise<{ state: 'taken'; submission: Submission } | { state: 'queued' }> {
    try {
      await this.request(FrameMessage.Submission, submission);
      return { state: 'taken', submission };
    } catch (error) {
      if ((error as { code?: string })?.code === BridgeErrorCode.HostQueued) return { state: 'queued' };
      throw error;
    }
  }

  /** Says who keeps the design now, to the drafts controller (the notice under the canvas). */
  private tell(keeper: Keeper): void {
    if (keeper === this.keeper) return;
    this.keeper = keeper;
    if (keeper !== Keeper.Waiting) clearTimeout(this.helperTimer);
    let hostName = '';
    try {
      hostName = new URL(this.hostOrigin ?? '').host;
    } catch {
      /* no host origin: the bridge is not running */
    }
    this.host.dispatchEvent(new KeeperEvent(keeper, hostName));
  }

  /**
   * The frame cannot keep the draft: wait a bounded time for the helper to show itself, else say it lives in this
   * tab.
   */
  private awaitHelper(): void {
    this.tell(Keeper.Waiting);
    clearTimeout(this.helperTimer);
    this.helperTimer = setTimeout(() => this.keeper === Keeper.Waiting && this.tell(Keeper.Tab), BRIDGE_HELPER_WAIT_MS);
  }

  private refuse(message: string): void {
    this.options.onError?.({ code: BridgeErrorCode.Origin, message });
  }

  private reportHeight(): void {
    // The element's bottom edge in the document: what the iframe must show without scrolling.
    const height = Math.ceil(this.host.getBoundingClientRect().bottom + window.scrollY);
    if (height === this.lastHeight) return;
    this.lastHeight = height;
    this.post(FrameMessage.Height, { height: Math.min(height, 100_000) });
  }

  // ---- studio events --------------------------------------------------------------

  private handleReady = async (): Promise<void> => {
    this.edited = false;
    const design = this.host.getDesign();
    const probed = await (this.options.probe ?? probeStorage)();
    // The drafts store may have failed where the probe's throwaway database did not: the parent keeps it then.
    this.storage = this.storageLost ? StorageState.Denied : probed;
    this.readySeen = true;
    this.post(FrameMessage.Ready, {
      template: { ...design.template },
      key: this.host.getAttribute('draft-key') ?? '',
      storage: this.storage,
    });
    // The helper answers a denied `ready` with `draft-restore` (null when it kept nothing).
    if (this.storage === StorageState.Denied) this.awaitHelper();
    else this.tell(Keeper.Device);
  };

  private handleChange = (e: Event): void => {
    this.edited = true;
    const { source, kind } = e as Event & { source: string; kind: 'edit' | 'undo' | 'redo' };
    this.post(FrameMessage.Change, { source: String(source).slice(0, 64) || 'unknown', kind });
    if (this.storage === StorageState.Denied) {
      clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => this.flushDraft(), BRIDGE_SAVE_DELAY_MS);
    }
  };

  private handleError = (e: Event): void => {
    const { code, message } = e as Event & { code: string; message: string };
    this.post(FrameMessage.Error, { code: String(code).slice(0, 64), message: String(message).slice(0, 2000) });
    if (!STORAGE_FAILURES.has(code) || this.storage === StorageState.Denied) return;
    this.storageLost = true;
    if (!this.readySeen) return;
    // IndexedDB failed after `ready` (revoked, quota, UnknownError): hand the design to the parent now, and from
    // now on.
    this.storage = StorageState.Denied;
    this.tell(Keeper.Waiting);
    this.flushDraft(true);
  };

  private handleVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flushDraft();
  };

  private handlePageHide = (): void => this.flushDraft();

  /** Hands the design to the parent to keep, when a save is due (or `now`); its ack says the parent keeps it. */
  private flushDraft(now = false): void {
    if (this.saveTimer === undefined && !now) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    let design: DesignDocument;
    try {
      design = this.host.getDesign();
    } catch {
      return;
    }
    const view = this.options.view?.() ?? design.views[0]?.view ?? 'front';
    const draft: BridgeDraft = {
      format: BRIDGE_DRAFT_FORMAT,
      version: 1,
      id: this.draftId,
      template: { ...design.template },
      key: this.host.getAttribute('draft-key') ?? '',
      name: this.draftName,
      updated: new Date().toISOString(),
      view,
      design,
      metrics: this.options.metrics?.() ?? null,
    };
    this.request(FrameMessage.DraftSave, draft).then(
      () => this.tell(Keeper.Host),
      // No helper, or its own storage failed: the design lives only in this tab (until a later save is acknowledged).
      () => this.started && this.tell(Keeper.Tab),
    );
  }

  // ---- receiving ----------------------------------------------------------------------

  private handleMessage = (event: MessageEvent): void => {
    // Whom we listen to: the parent window itself, at the exact origin. A sibling
    // frame, a popup or a parent that navigated away is not the host page.
    if (event.origin !== this.hostOrigin || event.source !== window.parent) return;
    const received = readMessage<ParentMessage, ParentPayloads>(event.data, parentPayloadRules);
    if (received.kind === 'ignored') return;
    if (received.kind === 'invalid') {
      this.post(FrameMessage.Error, {
        code: BridgeErrorCode.Invalid,
        message: received.message,
        ...(received.id ? { re: received.id } : {}),
      });
      return;
    }
    void this.handleParentMessage(received.message);
  };

  private async handleParentMessage(
    message: { [K in ParentMessage]: Envelope<K, ParentPayloads[K]> }[ParentMessage],
  ): Promise<void> {
    switch (message.type) {
      case ParentMessage.Ack:
      case ParentMessage.Error: {
        const pending = this.pending.get(message.type === 'error' ? (message.payload.re ?? '') : message.id);
        if (!pending) {
          if (message.type === 'error')
            this.options.onError?.({ code: message.payload.code, message: message.payload.message });
          return;
        }
        clearTimeout(pending.timer);
        this.pending.delete(message.type === 'error' ? message.payload.re! : message.id);
        if (message.type === 'ack') pending.resolve();
        else pending.reject({ code: message.payload.code, message: message.payload.message });
        return;
      }
      default:
        return this.runCommand(message.type, message.payload, message.id);
    }
  }

  /** Carries out one command and answers with `result` under the command's id. */
  private async runCommand(type: ParentCommand, payload: ParentPayloads[ParentCommand], id: string): Promise<void> {
    try {
      await performCommand(
        { host: this.host, onCommand: this.options.onCommand, keptByHost: () => this.tell(Keeper.Host) },
        type,
        payload,
        (draft) => this.restore(draft),
      );
      this.post(FrameMessage.Result, { ok: true }, id);
    } catch (error) {
      this.post(FrameMessage.Result, { ok: false, error: commandError(error) }, id);
    }
  }

  private async restore(draft: BridgeDraft | null): Promise<void> {
    if (!draft) return;
    const design = this.host.getDesign();
    if (draft.template.id !== design.template.id || draft.key !== (this.host.getAttribute('draft-key') ?? '')) {
      throw {
        code: BridgeErrorCode.Invalid,
        message: `the kept draft is for template "${draft.template.id}" and key "${draft.key}", not this studio's`,
      };
    }
    // The customer started painting before the draft came back: theirs wins, and is kept from now on.
    if (this.edited)
      throw { code: BridgeErrorCode.Unsupported, message: 'the design was edited before the kept draft arrived' };
    await (this.options.restoreDraft ?? ((d: BridgeDraft) => this.host.loadDesign(d.design)))(draft);
    this.draftId = draft.id;
    this.draftName = draft.name;
  }
}
