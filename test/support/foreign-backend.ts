/**
 * Browser side of test/support/foreign-backend-plugin.mjs: a brand backend
 * that is not ours, on loopback, answering from a script.
 *
 *   const backend = await startForeignBackend(['receipt']);
 *   studio.setAttribute('endpoint', backend.endpoint);
 *   … submit …
 *   expect(await backend.requests()).to.have.length(1);
 */
import { executeServerCommand } from '@web/test-runner-commands';

/**
 * 'receipt': 201 `{ id: "d-<n>", status: "received" }`; 'drop': the
 * connection is destroyed once the body is in; 'html': a captive portal's
 * 200 `text/html` page; a number: that status with a short plain-text body;
 * or spelled out (`delayMs` holds the answer back once the body is in).
 */
export type ForeignStep =
  | 'receipt'
  | 'drop'
  | 'html'
  | number
  | { status: number; json?: unknown; html?: string; text?: string; retryAfter?: number | string; delayMs?: number }
  | { drop: true; delayMs?: number };

/** One `POST /designs` as the backend saw it, times in ms since the epoch on the backend's clock. */
export interface ForeignRequest {
  /** When the request arrived. */
  at: number;
  /** When it was answered or dropped; null while still open. */
  done: number | null;
  /** Which connection it came on, numbered from 1 in order of opening. */
  connection: number;
  key: string | null;
  bytes: number;
  answer: string;
}

export interface ForeignBackend {
  endpoint: string;
  /** Every `POST /designs` so far, in order. */
  requests(): Promise<ForeignRequest[]>;
  /** Appends behaviours to the script. */
  script(...steps: ForeignStep[]): Promise<void>;
  stop(): Promise<void>;
}

export interface ForeignOptions {
  /** Answers after the script; default 'receipt'. */
  then?: ForeignStep;
  /**
   * False: `Connection: close` on every answer, so each request comes on a
   * new connection. With keep-alive (the default), Chromium itself resends
   * a POST at once when a reused connection closes without an answer.
   */
  keepAlive?: boolean;
}

/** Answers from `script`, then with `then` for ever. */
export async function startForeignBackend(script: ForeignStep[] = [], options: ForeignOptions = {}): Promise<ForeignBackend> {
  const payload = { script, then: options.then ?? 'receipt', keepAlive: options.keepAlive ?? true };
  const started = await executeServerCommand<{ id: string; endpoint: string }, unknown>('foreign-backend:start', payload);
  if (!started) throw new Error('foreign-backend plugin missing from web-test-runner.config.mjs');
  const { id } = started;
  return {
    endpoint: started.endpoint,
    requests: async () => (await executeServerCommand<ForeignRequest[], { id: string }>('foreign-backend:requests', { id }))!,
    script: async (...steps) => void (await executeServerCommand('foreign-backend:script', { id, steps })),
    stop: async () => void (await executeServerCommand('foreign-backend:stop', { id })),
  };
}
