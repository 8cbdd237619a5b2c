export const CHANNEL = 'co-design-studio:drafts';

export type TabMessage =
  { type: 'saved'; id: string; rev: number; writer: string } | { type: 'deleted'; id: string; writer: string };

/**
 * Tells the other tabs of this origin when a draft was saved or deleted, so
 * one that shows the same draft reloads it (or, holding unsaved changes of
 * its own, saves them as a copy). Incoming messages are validated: any script
 * of the origin may post on the channel.
 */
export class TabChannel {
  private readonly channel: BroadcastChannel | undefined;

  constructor(onMessage: (message: TabMessage) => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(CHANNEL);
    // The check loads with the first message (the schema library is not first-paint code); a queue keeps the
    // messages in the order they came.
    let queue = Promise.resolve();
    this.channel.onmessage = (event: MessageEvent) => {
      queue = queue
        .then(() => import('./tab-message.ts'))
        .then(({ parseTabMessage }) => {
          const message = parseTabMessage(event.data);
          if (message) onMessage(message);
        })
        .catch(() => undefined);
    };
  }

  post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }

  close(): void {
    this.channel?.close();
  }
}

/**
 * Holds back what would replace the design while a pointer is down on the
 * studio (a reload from another tab would take the stroke from under the
 * customer's finger), and hands it over once the gesture has ended.
 */
export class GestureGuard<T> {
  private down = false;
  private held: T | undefined;
  private releasing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly release: (held: T) => void,
  ) {}

  attach(): void {
    this.host.addEventListener('pointerdown', this.handleDown);
    window.addEventListener('pointerup', this.handleUp);
    window.addEventListener('pointercancel', this.handleUp);
  }

  detach(): void {
    // Off the page the studio hears no other tab (its channel is closed): what was held back goes too.
    clearTimeout(this.releasing);
    this.held = undefined;
    this.down = false;
    this.host.removeEventListener('pointerdown', this.handleDown);
    window.removeEventListener('pointerup', this.handleUp);
    window.removeEventListener('pointercancel', this.handleUp);
  }

  /** True when `value` was held back for later. */
  defer(value: T): boolean {
    if (!this.down) return false;
    this.held = value;
    return true;
  }

  private handleDown = (): void => void (this.down = true);

  private handleUp = (): void => {
    this.down = false;
    const held = this.held;
    this.held = undefined;
    // After the gesture's own commit (same event), so a finished stroke counts as unsaved work.
    if (held !== undefined) this.releasing = setTimeout(() => this.release(held));
  };
}
