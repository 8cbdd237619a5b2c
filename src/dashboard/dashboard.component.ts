import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { DesignStatus, type CampaignStats, type DesignSummary, type GalleryPage } from '../protocol/submission.ts';
import { AdminApi, PreviewBlobs, type ModerationAction } from './admin-api.ts';
import type { Campaign } from '../protocol/campaign.ts';
import { CampaignApi } from './campaigns/campaign-api.ts';
import type { CoDesignCampaigns } from './campaigns/campaigns.component.ts';
import { funnel, histogram, toolTime } from './charts.ts';
import { duration } from './format.ts';
import { requestedLocales } from '../i18n/locale.ts';
import { originalityTranslator, type OriginalityTranslate } from './originality/strings.ts';
import { renderOriginality } from './originality/view.ts';
import { styles } from './dashboard.styles.ts';
import { ProductionFiles } from './production.ts';
import { ModerationReplay } from './replay-view.ts';
import { productionText, type ProductionText } from './production-i18n.ts';

/** Kept for the tab's life only: closing it signs the campaign team out. */
const TOKEN_KEY = 'co-design-dashboard-token';
const PER_PAGE = 20;

const ACTIONS: Record<DesignStatus, ModerationAction[]> = {
  pending: ['approve', 'reject', 'hide'],
  approved: ['hide', 'reject'],
  rejected: ['approve'],
  hidden: ['approve'],
};
const ACTION_LABEL: Record<ModerationAction, string> = { approve: 'Approve', reject: 'Reject', hide: 'Hide' };
const DONE: Record<ModerationAction, string> = { approve: 'approved', reject: 'rejected', hide: 'hidden' };

/**
 * The campaign team's page: the admin token, the moderation queue with
 * previews, and the attention figures as charts (engaged-time histogram,
 * funnel, time per tool). Customer text is only ever bound as text.
 *
 * @attr endpoint - The API's base URL (default `/api`).
 * @attr templates - Where the template manifests are (`<templates><id>.json`), for the replay (default `/templates/`).
 */
export class CoDesignDashboard extends LitElement {
  static override styles = styles;

  @property({ attribute: 'endpoint' }) endpoint = '/api';
  @property({ attribute: 'templates' }) templates = '/templates/';

  @state() private api: AdminApi | undefined;
  @state() private stats: CampaignStats | undefined;
  @state() private status: DesignStatus = DesignStatus.Pending;
  @state() private queue: GalleryPage | undefined;
  @state() private page = 1;
  @state() private announcement = '';
  @state() private failure = '';
  @state() private busy = new Set<string>();
  /** The queue's campaign filter ('' for every design) and the campaigns to filter by. */
  @state() private campaign = '';
  @state() private campaigns: Campaign[] = [];

  private readonly previews = new PreviewBlobs(this);
  /** The originality figures speak the page's language; the rest of the dashboard is English for now. */
  private originality: OriginalityTranslate = originalityTranslator(['en']);
  private readonly production = new ProductionFiles(this);
  private readonly replay = new ModerationReplay(this);
  private productionText: ProductionText = productionText(this);

  override connectedCallback(): void {
    super.connectedCallback();
    // Their language is that of the page the dashboard is placed in, known only once it is.
    this.originality = originalityTranslator(requestedLocales(this));
    this.productionText = productionText(this);
    let saved: string | null = null;
    try {
      saved = sessionStorage.getItem(TOKEN_KEY);
    } catch {
      // Storage off: the team types the token each time.
    }
    if (saved) void this.signIn(saved);
  }

  private async signIn(token: string): Promise<void> {
    const api = new AdminApi(this.endpoint, token);
    this.failure = '';
    try {
      this.stats = await api.stats();
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.failure =
        code === 'unauthorized'
          ? 'That token was refused.'
          : `The server could not be reached (${(error as { message?: string }).message}).`;
      this.forget();
      return;
    }
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Not kept: fine for this visit.
    }
    this.api = api;
    await Promise.all([this.loadQueue(), this.loadCampaigns()]);
  }

  private forget(): void {
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Nothing was kept.
    }
    this.api = undefined;
    this.stats = undefined;
    this.queue = undefined;
    this.previews.clear();
    this.production.clear();
    this.replay.clear();
  }

  private async refresh(): Promise<void> {
    if (!this.api) return;
    const [stats] = await Promise.all([this.api.stats(), this.loadQueue(), this.loadCampaigns()]);
    this.stats = stats;
    await this.renderRoot.querySelector<CoDesignCampaigns>('co-design-campaigns')?.reload();
  }

  private async loadCampaigns(): Promise<void> {
    if (!this.api) return;
    try {
      this.campaigns = (await new CampaignApi(this.api).list()).items;
    } catch {
      // A backend without campaigns: the queue shows every design.
      this.campaigns = [];
    }
  }

  /** Bumped per request: an answer to an older one (a refresh overtaken by a moderation's) is dropped. */
  private queueRequest = 0;

  private async loadQueue(page = this.page): Promise<void> {
    if (!this.api) return;
    const request = ++this.queueRequest;
    try {
      const queue = await this.api.queue(this.status, page, PER_PAGE, this.campaign || undefined);
      if (request !== this.queueRequest) return;
      this.previews.clear();
      this.production.track(this.api, queue.items);
      this.queue = queue;
      this.page = page;
    } catch (error) {
      if (request !== this.queueRequest) return;
      this.failure = `The list could not be loaded (${(error as { message?: string }).message}).`;
    }
  }

  private handleSignIn(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const token = input.value.trim();
    if (token) void this.signIn(token);
  }

  private handleStatus(event: Event): void {
    this.status = (event.target as HTMLSelectElement).value as DesignStatus;
    void this.loadQueue(1);
  }

  private handleCampaign(event: Event): void {
    this.campaign = (event.target as HTMLSelectElement).value;
    void this.loadQueue(1);
  }

  private async handleModerate(design: DesignSummary, action: ModerationAction): Promise<void> {
    if (!this.api || this.busy.has(design.id)) return;
    this.busy = new Set(this.busy).add(design.id);
    try {
      await this.api.moderate(design.id, action);
      this.announcement = `${design.author}'s design ${DONE[action]}.`;
      await this.refresh();
    } catch (error) {
      this.announcement = `Could not ${action} ${design.author}'s design (${(error as { message?: string }).message}).`;
    } finally {
      const next = new Set(this.busy);
      next.delete(design.id);
      this.busy = next;
    }
  }

  private renderSignIn() {
    return html`<form class="sign-in" @submit=${this.handleSignIn}>
      <!-- Password managers expect a user name beside a password; the token has none of its own. -->
      <input type="text" name="username" value="campaign-team" autocomplete="username" hidden />
      <label for="token">Admin token</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required />
      <button type="submit">Open the dashboard</button>
      <p class="hint">The token <code>npm start</code> printed (or ADMIN_TOKEN). It is kept in this tab only.</p>
      ${this.failure ? html`<p class="failure" role="alert">${this.failure}</p>` : nothing}
    </form>`;
  }

  private renderStats(stats: CampaignStats) {
    const e = stats.engaged;
    return html`<section class="figures" aria-labelledby="figures-title">
      <h2 id="figures-title">Attention</h2>
      <dl class="numbers">
        <div>
          <dt>Drafts</dt>
          <dd class="drafts">${e.drafts}</dd>
        </div>
        <div>
          <dt>Median engaged</dt>
          <dd class="median">${duration(e.medianMs)}</dd>
        </div>
        <div>
          <dt>Mean engaged</dt>
          <dd class="mean">${duration(e.meanMs)}</dd>
        </div>
        <div>
          <dt>90th percentile</dt>
          <dd class="p90">${duration(e.p90Ms)}</dd>
        </div>
        <div>
          <dt>Total engaged</dt>
          <dd class="total">${duration(e.totalMs)}</dd>
        </div>
      </dl>
      <figure>
        <figcaption>Engaged time per draft</figcaption>
        ${histogram(e.buckets, e)}
      </figure>
      <figure>
        <figcaption>Funnel: opened → drew → submitted</figcaption>
        ${funnel(stats.funnel)}
      </figure>
      <figure>
        <figcaption>Engaged time per tool</figcaption>
        ${toolTime(stats.tools)}
      </figure>
    </section>`;
  }

  private renderDesign(api: AdminApi, design: DesignSummary) {
    return html`<li class=${design.originality?.mostlyUpload ? 'design flagged' : 'design'} data-id=${design.id}>
      <div class="previews">
        ${design.previews.map((p) => {
          const src = this.previews.get(api, p);
          const alt = `${design.author}'s design, ${p.view} view`;
          return src
            ? html`<img src=${src} width=${p.width} height=${p.height} alt=${alt} />`
            : html`<span class="loading" role="img" aria-label=${`${alt} (loading)`}></span>`;
        })}
      </div>
      <p class="who">
        <span class="author">${design.author}</span> · ${design.template.id} ·
        <time datetime=${design.createdAt}>${new Date(design.createdAt).toLocaleString()}</time> · ${design.votes} votes
      </p>
      ${design.originality ? renderOriginality(design.originality, this.originality) : nothing}
      ${this.replay.render(api, design, this.originality)}
      <div class="actions">
        ${ACTIONS[design.status].map(
          (action) =>
            html`<button
              type="button"
              class=${action}
              data-action=${action}
              aria-label=${`${ACTION_LABEL[action]} ${design.author}'s design`}
              ?disabled=${this.busy.has(design.id)}
              @click=${() => this.handleModerate(design, action)}
            >
              ${ACTION_LABEL[action]}
            </button>`,
        )}
      </div>
      ${this.production.render(api, design, this.productionText)}
    </li>`;
  }

  private renderQueue(api: AdminApi) {
    const stats = this.stats;
    const pages = this.queue ? Math.max(1, Math.ceil(this.queue.total / this.queue.perPage)) : 1;
    return html`<section class="moderation" aria-labelledby="moderation-title">
      <h2 id="moderation-title">Designs</h2>
      <label
        >Show
        <select @change=${this.handleStatus} .value=${this.status}>
          ${Object.values(DesignStatus).map(
            (s) => html`<option value=${s} ?selected=${s === this.status}>${s} (${stats?.designs[s] ?? 0})</option>`,
          )}
        </select>
      </label>
      ${
        this.campaigns.length
          ? html`<label
            >Campaign
            <select class="campaign-filter" @change=${this.handleCampaign} .value=${this.campaign}>
              <option value="" ?selected=${!this.campaign}>All designs</option>
              ${this.campaigns.map(
                (c) => html`<option value=${c.id} ?selected=${c.id === this.campaign}>${c.name}</option>`,
              )}
            </select>
          </label>`
          : nothing
      }
      ${this.queue && this.queue.items.length === 0 ? html`<p class="empty">Nothing ${this.status}.</p>` : nothing}
      <ul class="queue">
        ${repeat(
          this.queue?.items ?? [],
          (d) => d.id,
          (d) => this.renderDesign(api, d),
        )}
      </ul>
      ${
        pages > 1
          ? html`<nav class="pager" aria-label="Pages">
              <button type="button" ?disabled=${this.page <= 1} @click=${() => this.loadQueue(this.page - 1)}>
                Previous page
              </button>
              <span>Page ${this.page} of ${pages}</span>
              <button type="button" ?disabled=${this.page >= pages} @click=${() => this.loadQueue(this.page + 1)}>
                Next page
              </button>
            </nav>`
          : nothing
      }
    </section>`;
  }

  protected override render() {
    const api = this.api;
    if (!api || !this.stats) return this.renderSignIn();
    return html`
      <div class="top">
        <p class="status" role="status" aria-live="polite">${this.announcement}</p>
        <button type="button" class="refresh" @click=${() => this.refresh()}>Refresh</button>
        <button type="button" class="sign-out" @click=${() => this.forget()}>Sign out</button>
      </div>
      ${this.failure ? html`<p class="failure" role="alert">${this.failure}</p>` : nothing}
      <co-design-campaigns
        .admin=${api}
        @co-design-campaigns-changed=${() => this.loadCampaigns()}
      ></co-design-campaigns>
      <div class="columns">${this.renderQueue(api)} ${this.renderStats(this.stats)}</div>
    `;
  }
}
