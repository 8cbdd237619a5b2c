/**
 * Small pieces every API route shares: the one error shape, the admin
 * check, the media-type check and the test-only faults.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type * as v from 'valibot';
import { formatPath, type PathKey } from '../../src/document/issues.ts';
import type { ApiError } from '../../src/protocol/submission.ts';
import type { Fault, FaultQueue, FaultRoute } from '../faults.ts';

/** Thrown by routes; the API's error handler turns it into `{ code, message }`. */
export class ApiHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): ApiError {
    return { code: this.code, message: this.message };
  }
}

export const notFound = (what = 'design') => new ApiHttpError(404, 'not-found', `no such ${what}`);

/** Message for issues whose schema has none of its own (passed to `safeParse`). */
export function defaultIssueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'unknown key';
  if (issue.received === 'undefined') return 'missing';
  return `expected ${issue.expected}, got ${issue.received.slice(0, 40)}`;
}

/** The first valibot issue as `path: message`, like the design document's errors. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], prefix: PathKey[] = []): string {
  const issue = issues[0];
  const keys: PathKey[] = [...prefix];
  for (const item of issue.path ?? []) keys.push(item.key as PathKey);
  return `${formatPath(keys)}: ${issue.message}`;
}

/** The media type without parameters, lower case ('' when absent). */
export function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

export function requireMediaType(request: FastifyRequest, allowed: readonly string[]): void {
  if (!allowed.includes(mediaType(request))) {
    throw new ApiHttpError(415, 'unsupported-media-type', `send the body as ${allowed.join(' or ')}`);
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries `Authorization: Bearer <admin token>`, compared in constant time. */
export function isAdmin(request: FastifyRequest, adminToken: string): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(header);
  return !!match && timingSafeEqual(digest(match[1]), digest(adminToken));
}

export function requireAdmin(request: FastifyRequest, adminToken: string): void {
  if (!isAdmin(request, adminToken)) {
    throw new ApiHttpError(401, 'unauthorized', 'this needs the admin token (Authorization: Bearer …)', { 'WWW-Authenticate': 'Bearer' });
  }
}

/**
 * Applies the next queued fault for `route`, if any. Returns 'handled' when
 * the fault answered (or dropped) the request, 'drop-after' when the route
 * must commit and then drop the connection, or 'go' to answer normally.
 */
export async function applyFault(
  faults: FaultQueue | undefined,
  route: FaultRoute,
  reply: FastifyReply,
): Promise<'handled' | 'drop-after' | 'go'> {
  const fault: Fault | undefined = faults?.take(route);
  if (fault === undefined || fault === 'ok') return 'go';
  if (fault === 'commit-then-drop-connection') return 'drop-after';
  if (fault === 'drop-connection') {
    dropConnection(reply);
    return 'handled';
  }
  if (typeof fault === 'object' && 'delayMs' in fault) {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    return 'go';
  }
  const { status, retryAfter, body } = typeof fault === 'number' ? { status: fault, retryAfter: undefined, body: undefined } : fault;
  if (retryAfter !== undefined) reply.header('Retry-After', String(retryAfter));
  await reply.code(status).send(body ?? { code: 'fault', message: `fault on cue: ${status}` });
  return 'handled';
}

/**
 * Breaks the connection mid-answer, as a dying proxy or a lost network
 * would. A few bytes of a status line go out first: Chromium silently resends
 * a request whose reused keep-alive socket closed before any byte arrived, so
 * a bare close would hand the test a retry it never asked for.
 */
export function dropConnection(reply: FastifyReply): void {
  reply.hijack();
  const socket = reply.raw.socket;
  if (!socket) return;
  socket.write('HTTP/1.1 5', () => socket.destroy());
}
