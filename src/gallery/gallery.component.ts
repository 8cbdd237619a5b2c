import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GallerySort, VoteRefusal } from '../protocol/submission.ts';
import { listDesigns, previewUrl, vote, type DesignSummary, type GalleryPage } from './api.ts';
import { styles } from './gallery.styles.ts';
import { galleryTranslator, type GalleryTranslate } from './i18n/index.ts';
import { ReplayDialog } from './replay-dialog.ts';
import { renderShare } from './share.ts';

const reason = (error: unknown) => (error as { message?: string }).message ?? String(error);

/**
 * The campaign's public gallery: approved designs with their previews,
 * newest or most voted first, a page at a time, one vote per visitor.
 * Customer text (the author) only ever goes through lit's text bindings.
 *
 * @attr endpoint - The API's base URL (default `/api`).
 * @attr per-page - Designs per page (1–100, default 12).
 * @attr sort - `new` (default) or `top`.
 * @attr studio-url - Where an empty gallery sends the visitor to paint the first design (default `/`).
 * @attr templates - Where the template manifests are (`<templates><id>.json`), for "Watch it painted" (default
 *   `/templates/`).
 * @attr lang - The gallery's language when the browser's should not decide (also `?lang=`); en, de, es, it or nl.
 * @csspart card - One design.
 * @cssproperty --co-design-accent - Buttons and the chosen sort.
 */
export class CoDesignGallery extends LitElement {
  static override styles = styles;

  @property({ attribute: 'endpoint' }) endpoint = '/api';
  @property({ attribute: 'per-page', type: Number }) perPage = 12;
  @property({ attribute: 'sort' }) sort: GallerySort = GallerySort.New;
  @property({ attribute: 'studio-url' }) studioUrl = '/';
  @property({ attribute: 'templates' }) templates = '/templates/';

  @state() private page = 1;
  @state() private result: GalleryPage | undefined;
  @state() private loading = false;
  @state() private failure = '';
  /** What the last vote did, for the live region. */
  @state() private announcement = '';
  /** Designs this visitor's vote is known to be in (counted now or earlier). */
  @state() private voted = new Set<string>();
  @state() private voting = new Set<string>();

  private abort: AbortController | undefined;
  private readonly replay = new ReplayDialog(this);
  private t: GalleryTranslate = galleryTranslator(['en']);

  override connectedCallback(): void {
    super.connectedCallback();
    const asked = [new URLSearchParams(location.search).get('lang'), this.getAttribute('lang'), ...navigator.languages];
    this.t = galleryTranslator(asked.filter((l): l is string => !!l));
    // Back in the page after a move: the first update loads on a fresh element.
    if (this.hasUpdated) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // The first update, or the host (or the sort buttons) changing what to list: start at page one.
    if (changed.has('endpoint') || changed.has('perPage') || changed.has('sort')) void this.load(1);
  }

  private get pages(): number {
    return this.result ? Math.max(1, Math.ceil(this.result.total / this.result.perPage)) : 1;
  }

  /** Loads a page; the last request wins when the visitor clicks faster than the server answers. */
  async load(page = this.page): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loading = true;
    this.failure = '';
    try {
      const perPage = Math.min(100, Math.max(1, Math.round(this.perPage) || 12));
      // The voter's cookie goes with it (as with a vote): the server says which designs this visitor voted for.
      const result = await listDesigns(this.endpoint, { page, perPage, sort: this.sort }, {}, abort.signal);
      this.result = result;
      this.page = page;
      const voted = new Set(this.voted);
      for (const d of result.items) if (d.voted) voted.add(d.id);
      this.voted = voted;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failure = this.t('loadFailed', { reason: reason(error) });
    } finally {
      if (this.abort === abort) this.loading = false;
    }
  }

  private handleSort(sort: GallerySort): void {
    this.sort = sort;
  }

  /** A count, or what a campaign that hides its counts until results sends instead (null). */
  private votes(n: number | null): string {
    return n === null ? this.t('votesHidden') : this.t('votes', { count: n });
  }

  private async handleVote(design: DesignSummary): Promise<void> {
    if (this.voting.has(design.id)) return;
    const t = this.t;
    this.voting = new Set(this.voting).add(design.id);
    try {
      const result = await vote(this.endpoint, design.id);
      // A vote the network cap refused is not this visitor's: the button keeps offering it.
      if (result.reason !== VoteRefusal.IpCap) this.voted = new Set(this.voted).add(design.id);
      if (this.result)
        this.result = {
          ...this.result,
          items: this.result.items.map((d) => (d.id === design.id ? { ...d, votes: result.votes } : d)),
        };
      const said = { author: design.author, votes: this.votes(result.votes) };
      if (result.reason === VoteRefusal.IpCap) this.announcement = t('ipCap', said);
      else if (result.votes === null) this.announcement = t(result.counted ? 'countedHidden' : 'againHidden', said);
      else this.announcement = t(result.counted ? 'counted' : 'again', said);
    } catch (error) {
      this.announcement = t('voteFailed', { reason: reason(error) });
    } finally {
      const next = new Set(this.voting);
      next.delete(design.id);
      this.voting = next;
    }
  }

  private renderCard(design: DesignSummary) {
    const t = this.t;
    const preview = design.previews[0];
    const voted = this.voted.has(design.id);
    return html`<li class="card" part="card" data-id=${design.id}>
      ${
        preview
          ? html`<img
              src=${previewUrl(this.endpoint, preview)}
              width=${preview.width}
              height=${preview.height}
              alt=${t('alt', { author: design.author, template: design.template.id })}
              loading="lazy"
            />`
          : nothing
      }
      <div class="meta">
        <span class="author">${design.author}</span>
        <span class="votes">${this.votes(design.votes)}</span>
      </div>
      <div class="actions">
        <button
          type="button"
          class="vote"
          aria-label=${t(voted ? 'votedFor' : 'voteFor', { author: design.author })}
          aria-pressed=${voted ? 'true' : 'false'}
          ?disabled=${this.voting.has(design.id)}
          @click=${() => this.handleVote(design)}
        >
          ${voted ? t('voted') : t('vote')}
        </button>
        <button
          type="button"
          class="watch"
          aria-label=${t('watchLabel', { author: design.author })}
          @click=${(e: Event) => this.replay.open(design, e.currentTarget as HTMLElement)}
        >
          ${t('watch')}
        </button>
        ${renderShare({
          url: new URL(`/d/${encodeURIComponent(design.id)}`, new URL(this.endpoint, location.href)).href,
          author: design.author,
          announce: (text) => (this.announcement = text),
          t,
        })}
      </div>
    </li>`;
  }

  protected override render() {
    const t = this.t;
    const items = this.result?.items ?? [];
    // The language it speaks, for screen readers: the host page's own <html lang> may be another.
    return html`<div class="gallery" lang=${t.lang}>
      <div class="bar" role="group" aria-label=${t('sortGroup')}>
        ${[
          [GallerySort.New, t('newest')],
          [GallerySort.Top, t('top')],
        ].map(
          ([sort, label]) =>
            html`<button
              type="button"
              class="sort"
              aria-pressed=${this.sort === sort ? 'true' : 'false'}
              @click=${() => this.handleSort(sort as GallerySort)}
            >${label}</button>`,
        )}
        <span class="count">${this.result ? t('designs', { count: this.result.total }) : ''}</span>
      </div>
      <p class="status" role="status" aria-live="polite">${this.announcement}</p>
      ${this.failure ? html`<p class="failure" role="alert">${this.failure}</p>` : nothing}
      ${
        this.result && items.length === 0
          ? html`<p class="empty">
              ${t('empty')}
              <a class="invite" href=${this.studioUrl}>${t('invite')}</a>.
            </p>`
          : nothing
      }
      <ul class="grid" aria-busy=${this.loading ? 'true' : 'false'}>
        ${items.map((d) => this.renderCard(d))}
      </ul>
      ${
        this.pages > 1
          ? html`<nav class="pager" aria-label=${t('pages')}>
              <button
                type="button"
                class="prev"
                ?disabled=${this.page <= 1 || this.loading}
                @click=${() => this.load(this.page - 1)}
              >
                ${t('previous')}
              </button>
              <span>${t('pageOf', { page: this.page, pages: this.pages })}</span>
              <button
                type="button"
                class="next"
                ?disabled=${this.page >= this.pages || this.loading}
                @click=${() => this.load(this.page + 1)}
              >
                ${t('next')}
              </button>
            </nav>`
          : nothing
      }
      ${this.replay.render(t)}
    </div>`;
  }
}
