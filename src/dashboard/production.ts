/**
 * Print files of the approved designs the dashboard lists: each design's job
 * state, asked again every few seconds while any is queued or being made, and
 * the production pack fetched with the token on demand (a link cannot send an
 * Authorization header), then saved through a blob: URL.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { apiUrl, requestJson } from '../gallery/api.ts';
import { ProductionState, type ProductionStatus } from '../protocol/production.ts';
import type { DesignSummary } from '../protocol/submission.ts';
import { bearer, type AdminApi } from './admin-api.ts';
import type { ProductionText } from './production-i18n.ts';

/** The file name the server gives the pack, kept when it is saved from a blob: URL. */
const packName = (id: string) => `production-${id}.zip`;

/** How often the states are asked again while a job is under way. */
const POLL_MS = 2_000;

export class ProductionFiles implements ReactiveController {
  private statuses = new Map<string, ProductionStatus>();
  /** Blob URLs of packs downloaded, per design, revoked when the list changes or the page goes. */
  private packs = new Map<string, string>();
  private failures = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  clear(): void {
    this.generation++;
    clearTimeout(this.timer);
    for (const url of this.packs.values()) URL.revokeObjectURL(url);
    this.packs.clear();
    this.statuses.clear();
    this.failures.clear();
  }

  /** Starts over for a new list: the states of `designs` (approved ones only have print files). */
  track(api: AdminApi, designs: readonly DesignSummary[]): void {
    this.clear();
    const ids = designs.filter((d) => d.status === 'approved').map((d) => d.id);
    if (ids.length) void this.load(api, ids, this.generation);
  }

  private async load(api: AdminApi, ids: string[], generation: number): Promise<void> {
    const answers = await Promise.all(
      ids.map((id) =>
        requestJson<ProductionStatus>(
          apiUrl(api.endpoint, `/designs/${encodeURIComponent(id)}/production`),
          bearer(api.token),
        )
          .then((r) => r.body)
          .catch(() => undefined),
      ),
    );
    if (generation !== this.generation) return;
    for (const status of answers) if (status) this.statuses.set(status.design, status);
    this.host.requestUpdate();
    const busy = answers.filter((s) => s?.state === ProductionState.Queued || s?.state === ProductionState.Making);
    if (busy.length)
      this.timer = setTimeout(
        () =>
          void this.load(
            api,
            busy.map((s) => s!.design),
            generation,
          ),
        POLL_MS,
      );
  }

  private async download(api: AdminApi, design: DesignSummary, t: ProductionText, button: HTMLElement): Promise<void> {
    const status = this.statuses.get(design.id);
    if (!status?.pack) return;
    this.failures.delete(design.id);
    try {
      const response = await fetch(new URL(status.pack.url, new URL(api.endpoint, location.href)), bearer(api.token));
      if (!response.ok)
        throw new Error(((await response.json()) as { message?: string }).message ?? String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const old = this.packs.get(design.id);
      if (old) URL.revokeObjectURL(old);
      this.packs.set(design.id, url);
      this.host.requestUpdate();
      await this.host.updateComplete;
      // The saved link beside the button: clicked once now, and there to save the pack again.
      button.parentElement?.querySelector<HTMLAnchorElement>('a.pack-file')?.click();
    } catch (error) {
      this.failures.set(design.id, t('packFailed', { name: design.author, reason: (error as Error).message }));
      this.host.requestUpdate();
    }
  }

  /** Approving again puts a job that failed for good back in the queue (the server's rule); then it is followed. */
  private async retry(api: AdminApi, design: DesignSummary, t: ProductionText): Promise<void> {
    this.failures.delete(design.id);
    try {
      await api.moderate(design.id, 'approve');
      await this.load(api, [design.id], this.generation);
    } catch (error) {
      this.failures.set(design.id, t('retryFailed', { name: design.author, reason: (error as Error).message }));
      this.host.requestUpdate();
    }
  }

  render(api: AdminApi, design: DesignSummary, t: ProductionText) {
    const status = this.statuses.get(design.id);
    if (!status) return nothing;
    const line =
      status.state === ProductionState.Making
        ? t('making', { attempt: status.attempts, max: status.maxAttempts })
        : status.state === ProductionState.Failed
          ? t('failed', { attempts: status.attempts, reason: status.error ?? '' })
          : t(status.state);
    const saved = this.packs.get(design.id);
    const failure = this.failures.get(design.id);
    return html`<div class="production" data-state=${status.state}>
      <span class="production-state">${line}</span>
      ${
        status.pack
          ? html`<button
            type="button"
            class="pack"
            aria-label=${t('packLabel', { name: design.author })}
            @click=${(event: Event) => this.download(api, design, t, event.currentTarget as HTMLElement)}
          >
            ${t('pack')}
          </button>`
          : nothing
      }
      ${
        status.state === ProductionState.Failed
          ? html`<button
            type="button"
            class="retry"
            aria-label=${t('retryLabel', { name: design.author })}
            @click=${() => this.retry(api, design, t)}
          >
            ${t('retry')}
          </button>`
          : nothing
      }
      ${saved ? html`<a class="pack-file" href=${saved} download=${packName(design.id)} hidden></a>` : nothing}
      ${failure ? html`<p class="failure" role="alert">${failure}</p>` : nothing}
    </div>`;
  }
}
