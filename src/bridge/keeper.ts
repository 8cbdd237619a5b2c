/**
 * Who keeps the design the customer is painting: this browser's storage for
 * the studio (`device`), the host page's helper over the iframe bridge
 * (`host`), or nobody (`tab`: it lives only in this tab). `waiting` while a
 * framed studio whose storage is denied waits, a bounded time, for the
 * helper to answer. The bridge tells the drafts controller with a
 * `KeeperEvent` on the element (not bubbling, not composed: the host page
 * hears it as `co-design-error` and over the bridge, never as this event).
 */
export const Keeper = { Device: 'device', Waiting: 'waiting', Host: 'host', Tab: 'tab' } as const;
export type Keeper = (typeof Keeper)[keyof typeof Keeper];

export const KEEPER_EVENT = 'studio-keeper';

export class KeeperEvent extends Event {
  constructor(
    readonly keeper: Keeper,
    /** The host page's name as the customer knows it (its host name), when `keeper` is `host`. */
    readonly hostName = '',
  ) {
    super(KEEPER_EVENT);
  }
}
