/**
 * `POST {endpoint}/designs` once, classified: sent, retry (it may work
 * later) or final (it never will, as sent). No retrying here: the outbox
 * decides when, this only says whether.
 *
 * XMLHttpRequest rather than fetch: fetch still has no upload progress
 * (a streaming request body needs HTTP/2 and `duplex: 'half'`, and Chromium
 * only), and a submission carries up to 32 MB of previews, which on a phone
 * is a progress bar's worth of seconds. The CORS rules are the same: the
 * server exposes Retry-After and Idempotent-Replayed to cross-origin reads.
 */
import * as v from 'valibot';
import type { ApiError, DeliveryReceipt, Submission } from '../protocol/submission.ts';
import { readReceipt } from './receipt.ts';
import { parseRetryAfter } from './retry.ts';

export const SendOutcome = { Sent: 'sent', Retry: 'retry', Final: 'final' } as const;
export type SendOutcome = (typeof SendOutcome)[keyof typeof SendOutcome];

/** Codes of the failures the network makes, beside the server's own `{ code }`s. */
export const NetworkCode = {
  /** No answer: offline, refused, reset, or the answer was lost (the server may have committed). */
  NetworkError: 'network-error',
  /** No progress for `stallMs`: given up on, like a network error. */
  Timeout: 'timeout',
  /** A 2xx that is an HTML page: a captive portal or a proxy answered, not the backend. */
  BadAnswer: 'bad-answer',
} as const;

export type SendResult =
  /** Any 2xx; `unlike` says how the answer departs from the protocol's receipt, when it does. */
  | { outcome: 'sent'; status: number; receipt: DeliveryReceipt; replayed: boolean; unlike?: string }
  /** `status` 0 when nothing answered; `retryAfterMs` from the server's Retry-After. */
  | { outcome: 'retry'; status: number; error: ApiError; retryAfterMs?: number }
  | { outcome: 'final'; status: number; error: ApiError };

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface SendOptions {
  /** The Idempotency-Key: the same for every attempt of one submission. */
  key: string;
  signal?: AbortSignal;
  onProgress?: (progress: UploadProgress) => void;
  /** Give up when neither upload nor answer moved for this long, ms. */
  stallMs?: number;
  now?: () => number;
}

export const DEFAULT_STALL_MS = 60_000;

/** `{endpoint}/designs`, tolerating a trailing slash on the endpoint. */
export function designsUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/designs`;
}

/** Whether a status is worth another attempt with the same key (RFC 9110 semantics, plus 429). */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Sends one attempt. `body` may be the exact JSON text to send: the outbox
 * keeps the text it first sent, so a retry is byte for byte the same body
 * (the server answers 422 to a known key with another body). Rejects only
 * when `signal` aborts, with its reason.
 */
export function postSubmission(endpoint: string, body: Submission | string, options: SendOptions): Promise<SendResult> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const { signal, onProgress, stallMs = DEFAULT_STALL_MS, now = Date.now } = options;
  return new Promise<SendResult>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    let stall: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const finish = (result: SendResult | { abort: unknown }) => {
      if (settled) return;
      settled = true;
      clearTimeout(stall);
      signal?.removeEventListener('abort', onAbort);
      if ('abort' in result) reject(result.abort);
      else resolve(result);
    };
    const restartStall = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        xhr.abort();
        finish(retry(0, NetworkCode.Timeout, `no progress for ${Math.round(stallMs / 1000)} s`));
      }, stallMs);
    };
    const onAbort = () => {
      xhr.abort();
      finish({ abort: signal!.reason });
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    xhr.open('POST', designsUrl(endpoint));
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', options.key);
    xhr.responseType = 'text';
    // Listening on `upload` forces a preflight, which this request (JSON, a custom header) makes anyway.
    xhr.upload.onprogress = (e) => {
      restartStall();
      onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : utf8Length(text) });
    };
    xhr.onreadystatechange = restartStall;
    xhr.onerror = () => finish(retry(0, NetworkCode.NetworkError, 'the connection failed before the server answered'));
    xhr.onload = () => finish(classify(xhr.status, xhr.responseText, (name) => xhr.getResponseHeader(name), now()));
    restartStall();
    try {
      xhr.send(text);
    } catch (error) {
      finish(retry(0, NetworkCode.NetworkError, String((error as Error)?.message ?? error)));
    }
  });
}

/** The outcome of an answer that arrived; pure, so the rules are easy to read and test. */
export function classify(
  status: number,
  text: string,
  header: (name: string) => string | null,
  now: number,
): SendResult {
  if (status >= 200 && status <= 299) {
    // Any 2xx is delivered (src/transport/receipt.ts says why), unless a captive portal's page answered.
    const read = readReceipt(text, header('Content-Type'));
    if (!read.delivered) {
      return retry(status, NetworkCode.BadAnswer, `the answer (${status}) was ${read.reason}, not the backend's`);
    }
    const replayed = header('Idempotent-Replayed') === 'true';
    const sent = { outcome: SendOutcome.Sent, status, receipt: read.receipt, replayed };
    return read.unlike ? { ...sent, unlike: read.unlike } : sent;
  }
  const error = serverError(status, text);
  if (isRetryableStatus(status)) {
    return { ...retry(status, error.code, error.message), retryAfterMs: parseRetryAfter(header('Retry-After'), now) };
  }
  return { outcome: SendOutcome.Final, status, error };
}

function retry(status: number, code: string, message: string): Extract<SendResult, { outcome: 'retry' }> {
  return { outcome: SendOutcome.Retry, status, error: { code, message } };
}

/** Not strict: a server may add fields to its errors; only code and message reach the UI. */
const looseApiError = v.object({ code: v.string(), message: v.string() });

/** The server's `{ code, message }`, or one made from the status when a proxy answered instead. */
function serverError(status: number, text: string): ApiError {
  const parsed = v.safeParse(looseApiError, parseJson(text));
  if (parsed.success) return { code: parsed.output.code.slice(0, 100), message: parsed.output.message.slice(0, 2000) };
  return { code: `http-${status}`, message: `the server answered ${status}` };
}

/** Bytes of `text` as UTF-8, without making a 32 MB copy to count them. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two code units, four bytes.
      i++;
      bytes += 2;
    } else bytes += 2; // the rest of the BMP, and a lone surrogate (sent as U+FFFD)
  }
  return bytes;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
