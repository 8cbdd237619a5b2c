/**
 * The admin side of the API: stats, the moderation queue, moderation, and
 * previews of designs not approved yet (fetched with the token, shown
 * through blob: URLs, since an <img> cannot send an Authorization header).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { apiUrl, listDesigns, requestJson } from '../gallery/api.ts';
import type {
  CampaignStats,
  DesignStatus,
  GalleryPage,
  ModerationResult,
  PreviewLink,
} from '../protocol/submission.ts';

export type ModerationAction = 'approve' | 'reject' | 'hide';

export const bearer = (token: string): RequestInit => ({ headers: { Authorization: `Bearer ${token}` } });

export class AdminApi {
  constructor(
    readonly endpoint: string,
    readonly token: string,
  ) {}

  stats(signal?: AbortSignal): Promise<CampaignStats> {
    return requestJson<CampaignStats>(apiUrl(this.endpoint, '/stats'), bearer(this.token), signal).then((r) => r.body);
  }

  /** `campaign`: one campaign's entries only. */
  queue(
    status: DesignStatus,
    page: number,
    perPage: number,
    campaign?: string,
    signal?: AbortSignal,
  ): Promise<GalleryPage> {
    const query = { page, perPage, sort: 'new' as const, status, campaign };
    return listDesigns(this.endpoint, query, bearer(this.token), signal);
  }

  moderate(id: string, action: ModerationAction): Promise<ModerationResult> {
    return requestJson<ModerationResult>(apiUrl(this.endpoint, `/designs/${encodeURIComponent(id)}/${action}`), {
      method: 'POST',
      ...bearer(this.token),
    }).then((r) => r.body);
  }
}

/**
 * Blob URLs for previews fetched with the token, one per preview link,
 * revoked when the list changes or the dashboard leaves the page.
 */
export class PreviewBlobs implements ReactiveController {
  private urls = new Map<string, string>();
  private loading = new Set<string>();
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** The blob URL for `link`, or undefined while it loads (the host re-renders when it arrives). */
  get(api: AdminApi, link: PreviewLink): string | undefined {
    const url = new URL(link.url, new URL(api.endpoint, location.href)).href;
    const known = this.urls.get(url);
    if (known || this.loading.has(url)) return known;
    this.loading.add(url);
    const generation = this.generation;
    void fetch(url, bearer(api.token))
      .then((r) => (r.ok && r.headers.get('content-type') === 'image/png' ? r.blob() : null))
      .then((blob) => {
        if (!blob || generation !== this.generation) return;
        this.urls.set(url, URL.createObjectURL(blob));
        this.host.requestUpdate();
      })
      .catch(() => undefined)
      .finally(() => this.loading.delete(url));
    return undefined;
  }

  clear(): void {
    this.generation++;
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
    this.loading.clear();
  }
}
