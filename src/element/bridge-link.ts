import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BridgeController } from '../bridge/controller.ts';
import type { BridgeWiring } from './bridge-wiring.ts';

type BridgeHost = ReactiveControllerHost & Parameters<typeof import('./bridge-wiring.ts').createBridge>[0];

/**
 * The iframe bridge's life in the element: for `transport="postmessage"`
 * (read once, as a host page writes it once) its chunk loads on connection;
 * pages that embed the studio directly never load it. `co-design-ready`
 * waits for `loading`, so the parent hears `ready`.
 */
export class BridgeLink implements ReactiveController {
  bridge: BridgeController | undefined;
  loading: Promise<void> | undefined;

  constructor(
    private readonly host: BridgeHost,
    private readonly wiring: Omit<BridgeWiring, 'hostOrigin'>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.bridge || this.loading || this.host.getAttribute('transport') !== 'postmessage') return;
    this.loading = import('./bridge-wiring.ts').then(({ createBridge }) => {
      this.bridge = createBridge(this.host, { ...this.wiring, hostOrigin: this.host.getAttribute('host-origin') });
    });
  }
}
