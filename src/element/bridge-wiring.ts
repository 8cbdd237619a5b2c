import { BridgeController, type BridgeOptions } from '../bridge/controller.ts';

/** The iframe bridge for `transport="postmessage"`, in a chunk of its own: pages that embed the studio directly never load it. */
export function createBridge(host: ConstructorParameters<typeof BridgeController>[0], options: BridgeOptions): BridgeController {
  return new BridgeController(host, options);
}
