/**
 * The gallery API (docs/openapi.json) as small functions over `fetch`, for
 * the gallery and the dashboard. Every failure rejects with the API's own
 * `{ code, message }`; nothing here renders anything.
 */
import type {
  ApiError,
  DesignSummary,
  GalleryPage,
  GallerySort,
  PreviewLink,
  VoteResult,
} from '../protocol/submission.ts';

export type { DesignSummary, GalleryPage, GallerySort, PreviewLink, VoteResult };

/** An absolute URL under `endpoint` (`/api` or `https://brand.example/api`). */
export function apiUrl(endpoint: string, path: string): string {
  const base = new URL(endpoint.replace(/\/+$/, ''), location.href);
  return `${base.href}${path}`;
}

/** Preview links are server paths (`/api/designs/…`): they resolve against the endpoint's origin. */
export function previewUrl(endpoint: string, link: PreviewLink): string {
  return new URL(link.url, new URL(endpoint, location.href)).href;
}

export async function requestJson<T>(
  url: string,
  init: RequestInit = {},
  signal?: AbortSignal,
): Promise<{ status: number; body: T }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal, headers: { Accept: 'application/json', ...init.headers } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw { code: 'network', message: 'the server could not be reached' } satisfies ApiError;
  }
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw (
      body && typeof body.code === 'string' ? body : { code: `http-${response.status}`, message: response.statusText }
    ) as ApiError;
  return { status: response.status, body: body as T };
}

export function listDesigns(
  endpoint: string,
  query: { page: number; perPage: number; sort: GallerySort; status?: string; campaign?: string },
  init: RequestInit = {},
  signal?: AbortSignal,
): Promise<GalleryPage> {
  const params = new URLSearchParams({ page: String(query.page), perPage: String(query.perPage), sort: query.sort });
  if (query.status) params.set('status', query.status);
  if (query.campaign) params.set('campaign', query.campaign);
  return requestJson<GalleryPage>(apiUrl(endpoint, `/designs?${params}`), init, signal).then((r) => r.body);
}

/** One vote; `counted: false` when this browser's voter had voted already (the server's check, by cookie). */
export function vote(endpoint: string, id: string): Promise<VoteResult> {
  return requestJson<VoteResult>(apiUrl(endpoint, `/designs/${encodeURIComponent(id)}/votes`), { method: 'POST' }).then(
    (r) => r.body,
  );
}
