/**
 * Failure on cue for the widget's tests: a test instance takes a queue of
 * faults per protocol route and applies one to each request that arrives
 * (after its body was read, so a browser never sees a reset mid-upload).
 * Never passed by `server/main.ts`: a production server has no queue.
 */
export type FaultRoute = 'designs' | 'metrics';

export type Fault =
  /** Answer normally. */
  | 'ok'
  /** Close the connection without an answer; nothing is stored. */
  | 'drop-connection'
  /** Store the submission, then close the connection instead of answering (the lost acknowledgement). */
  | 'commit-then-drop-connection'
  /** Answer with this status and a `{ code: 'fault', message }` body; nothing is stored. */
  | number
  | { status: number; retryAfter?: number; body?: unknown }
  /** Answer normally after a pause (slow networks, timeouts). */
  | { delayMs: number };

export interface AppliedFault {
  route: FaultRoute;
  fault: Fault;
  at: number;
}

export class FaultQueue {
  private readonly queues: Record<FaultRoute, Fault[]> = { designs: [], metrics: [] };
  /** Every fault taken, in order, so a test can check that each was used. */
  readonly applied: AppliedFault[] = [];

  constructor(initial: Partial<Record<FaultRoute, Fault[]>> = {}) {
    for (const route of ['designs', 'metrics'] as const) this.push(route, ...(initial[route] ?? []));
  }

  push(route: FaultRoute, ...faults: Fault[]): void {
    for (const fault of faults) assertFault(fault);
    this.queues[route].push(...faults);
  }

  /** The next fault for `route`, or undefined when the queue is empty (answer normally). */
  take(route: FaultRoute): Fault | undefined {
    const fault = this.queues[route].shift();
    if (fault !== undefined) this.applied.push({ route, fault, at: Date.now() });
    return fault;
  }

  pending(route: FaultRoute): readonly Fault[] {
    return this.queues[route];
  }

  clear(): void {
    this.queues.designs.length = 0;
    this.queues.metrics.length = 0;
    this.applied.length = 0;
  }
}

/** Faults arrive from test code over a command channel: refuse typos loudly rather than answer normally. */
function assertFault(fault: unknown): asserts fault is Fault {
  if (fault === 'ok' || fault === 'drop-connection' || fault === 'commit-then-drop-connection') return;
  if (typeof fault === 'number' && Number.isInteger(fault) && fault >= 400 && fault <= 599) return;
  if (typeof fault === 'object' && fault !== null) {
    const f = fault as Record<string, unknown>;
    if (typeof f.status === 'number' && f.status >= 400 && f.status <= 599) return;
    if (typeof f.delayMs === 'number' && f.delayMs >= 0 && f.delayMs <= 60_000) return;
  }
  throw new TypeError(`unknown fault ${JSON.stringify(fault)}`);
}
