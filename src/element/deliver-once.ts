import { ErrorCode, StudioError } from '../errors.ts';
import type { Submission, SubmissionReceipt } from '../protocol/submission.ts';
import { newId } from '../document/ids.ts';
import type { SubmitResult } from './submit-view.ts';

/**
 * One POST to `{endpoint}/designs` with an Idempotency-Key. The offline
 * outbox with retries (src/transport/, issue 4) replaces this; until then a
 * failure is shown with the server's message and the customer can send again.
 */
export async function deliverOnce(endpoint: string | undefined, submission: Submission): Promise<SubmitResult> {
  if (!endpoint) throw new StudioError(ErrorCode.SubmitUnavailable, 'No endpoint is set to send designs to');
  let response: Response;
  try {
    response = await fetch(`${endpoint.replace(/\/+$/, '')}/designs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `cds-${newId(24)}` },
      body: JSON.stringify(submission),
    });
  } catch (error) {
    throw new StudioError(ErrorCode.SubmitFailed, `no connection to the server (${String((error as Error)?.message ?? error)})`, { detail: 'no connection to the server' });
  }
  const body = (await response.json().catch(() => ({}))) as Partial<SubmissionReceipt> & { message?: string };
  if (!response.ok || typeof body.id !== 'string') {
    const detail = typeof body.message === 'string' ? body.message.slice(0, 300) : `HTTP ${response.status}`;
    throw new StudioError(ErrorCode.SubmitFailed, detail, { detail });
  }
  return { state: 'sent', receipt: { id: body.id, status: body.status! } };
}
