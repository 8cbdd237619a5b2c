import { executeServerCommand } from '@web/test-runner-commands';

export interface CdpCall {
  method: string;
  params?: Record<string, unknown>;
}

/** Sends DevTools-protocol calls to this page, in order, in one round trip. */
export function cdp<T = unknown>(calls: CdpCall | CdpCall[]): Promise<T> {
  return executeServerCommand('cdp', calls) as Promise<T>;
}
