import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { nextPhase, type CampaignAdmin, type Campaign, type CampaignInput } from '../../protocol/campaign.ts';
import type { Juror, JurorInvite, RankedEntry, Ranking } from '../../protocol/jury.ts';
import type { AdminApi } from '../admin-api.ts';
import { CampaignApi } from './campaign-api.ts';
import { draftCampaign, readCampaign, renderCampaignForm } from './campaign-form.ts';
import { renderJurors, renderRanking } from './campaign-views.ts';
import { styles } from './campaigns.styles.ts';
import { campaignsTranslator, type CampaignsTranslate } from './i18n/index.ts';

const reason = (error: unknown) => (error as { message?: string }).message ?? String(error);

/**
 * The dashboard's campaigns (docs/campaigns.md): the list with each phase,
 * the editor, moving a campaign on by hand, its jurors, and the ranking
 * where the team picks the winners and downloads the CSV.
 *
 * Its language: `?lang=`, its own or the dashboard's `lang` attribute, then the browser's languages
 * (en, de, es, it, nl; English otherwise).
 *
 * @event co-design-campaigns-changed - A campaign was created, edited or moved on (the queue's filter re-reads them).
 */
export class CoDesignCampaigns extends LitElement {
  static override styles = styles;

  /** Set by `<co-design-dashboard>` once the team signed in. */
  @property({ attribute: false }) admin: AdminApi | undefined;

  @state() private campaigns: Campaign[] = [];
  @state() private selected: CampaignAdmin | undefined;
  /** The form's campaign while it is open; `criteriaIds` are the stored ids of its rows. */
  @state() private draft: CampaignInput | undefined;
  @state() private criteriaIds: (string | undefined)[] = [];
  /** The id of the campaign the form edits, or undefined for a new one. */
  @state() private editing: string | undefined;
  @state() private formFailure = '';
  @state() private busy = false;
  @state() private jurors: Juror[] = [];
  @state() private invited: (JurorInvite & { url: string }) | undefined;
  @state() private ranking: Ranking | undefined;
  @state() private picks: string[] = [];
  @state() private picksSaved = true;
  @state() private announcement = '';
  @state() private failure = '';
  @state() private csvLink: { url: string; name: string } | undefined;

  private api: CampaignApi | undefined;
  private t: CampaignsTranslate = campaignsTranslator(['en']);

  override connectedCallback(): void {
    super.connectedCallback();
    const host = (this.getRootNode() as ShadowRoot).host as Element | undefined;
    const asked = [
      new URLSearchParams(location.search).get('lang'),
      this.getAttribute('lang'),
      host?.getAttribute('lang'),
      ...navigator.languages,
    ];
    this.t = campaignsTranslator(asked.filter((l): l is string => !!l));
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('admin')) {
      this.api = this.admin ? new CampaignApi(this.admin) : undefined;
      if (this.api) void this.reload();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.csvLink) URL.revokeObjectURL(this.csvLink.url);
  }

  /** Re-reads the list and the open campaign (the dashboard's Refresh). */
  async reload(): Promise<void> {
    if (!this.api) return;
    try {
      this.campaigns = (await this.api.list()).items;
      if (this.selected) await this.open(this.selected.id);
    } catch (error) {
      this.failure = this.t('loadFailed', { reason: reason(error) });
    }
  }

  private async open(id: string): Promise<void> {
    const api = this.api!;
    this.failure = '';
    try {
      const [campaign, jurors, ranking] = await Promise.all([api.get(id), api.jurors(id), api.ranking(id)]);
      if (this.selected?.id !== id) this.invited = undefined;
      this.selected = campaign;
      this.jurors = jurors.items;
      this.setRanking(ranking);
    } catch (error) {
      this.failure = this.t('openFailed', { reason: reason(error) });
    }
  }

  private setRanking(ranking: Ranking): void {
    this.ranking = ranking;
    this.picks = ranking.entries
      .filter((e) => e.place !== null)
      .sort((a, b) => a.place! - b.place!)
      .map((e) => e.id);
    this.picksSaved = true;
  }

  private changed(): void {
    this.dispatchEvent(new Event('co-design-campaigns-changed', { bubbles: true, composed: true }));
  }

  private startNew(): void {
    this.draft = draftCampaign();
    this.criteriaIds = this.draft.criteria.map((k) => k.id);
    this.editing = undefined;
    this.formFailure = '';
  }

  private startEdit(): void {
    const c = this.selected!;
    this.draft = structuredClone({
      name: c.name,
      template: c.template,
      brief: c.brief,
      terms: c.terms,
      schedule: c.schedule,
      hideVotes: c.hideVotes,
      criteria: c.criteria,
      communityWeight: c.communityWeight,
    });
    this.criteriaIds = c.criteria.map((k) => k.id);
    this.editing = c.id;
    this.formFailure = '';
  }

  private get form(): HTMLFormElement {
    return this.renderRoot.querySelector('form.campaign-form')!;
  }

  private async handleSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const input = readCampaign(this.form, this.criteriaIds);
    const editing = this.editing;
    this.busy = true;
    try {
      const saved = editing ? await this.api!.update(editing, input) : await this.api!.create(input);
      this.draft = undefined;
      this.announcement = this.t(editing ? 'saved' : 'created', { name: saved.name });
      this.campaigns = (await this.api!.list()).items;
      await this.open(saved.id);
      this.changed();
    } catch (error) {
      // Kept as typed: the draft follows the form, so nothing is lost.
      this.draft = input;
      this.formFailure = this.t('notSaved', { reason: reason(error) });
    } finally {
      this.busy = false;
    }
  }

  private editCriteria(change: (criteria: CampaignInput['criteria'], ids: (string | undefined)[]) => void): void {
    const input = readCampaign(this.form, this.criteriaIds);
    const ids = [...this.criteriaIds];
    change(input.criteria, ids);
    this.draft = input;
    this.criteriaIds = ids;
  }

  private async handleAdvance(): Promise<void> {
    const c = this.selected!;
    const to = nextPhase(c.phase);
    if (!to || this.busy) return;
    this.busy = true;
    try {
      const moved = await this.api!.advance(c.id, c.phase);
      this.announcement = this.t('moved', { name: moved.name, phase: this.t.phase(moved.phase) });
      this.campaigns = (await this.api!.list()).items;
      await this.open(c.id);
      this.changed();
    } catch (error) {
      this.failure = this.t('notMoved', { reason: reason(error) });
      await this.reload();
    } finally {
      this.busy = false;
    }
  }

  private async handleInvite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('juror') as HTMLInputElement;
    const c = this.selected!;
    try {
      const invite = await this.api!.invite(c.id, input.value);
      this.invited = { ...invite, url: this.api!.absolute(invite.link) };
      input.value = '';
      this.announcement = this.t('invited', { name: invite.name });
      this.jurors = (await this.api!.jurors(c.id)).items;
    } catch (error) {
      this.failure = this.t('notInvited', { reason: reason(error) });
    }
  }

  private async handleCopy(link: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      this.announcement = this.t('copied');
    } catch {
      this.announcement = this.t('notCopied');
    }
  }

  private async handleRevoke(juror: Juror): Promise<void> {
    const c = this.selected!;
    try {
      await this.api!.revoke(c.id, juror.id);
      this.announcement = this.t('revokedLink', { name: juror.name });
      if (this.invited?.id === juror.id) this.invited = undefined;
      await this.open(c.id);
    } catch (error) {
      this.failure = this.t('notRevoked', { reason: reason(error) });
    }
  }

  private handlePick(entry: RankedEntry): void {
    this.picks = [...this.picks, entry.id];
    this.picksSaved = false;
  }

  private handleUnpick(id: string): void {
    this.picks = this.picks.filter((p) => p !== id);
    this.picksSaved = false;
  }

  private async handleSaveWinners(): Promise<void> {
    const c = this.selected!;
    try {
      this.setRanking(await this.api!.saveWinners(c.id, this.picks));
      this.announcement = this.t('winnersSaved', { name: c.name });
    } catch (error) {
      this.failure = this.t('winnersNotSaved', { reason: reason(error) });
    }
  }

  private async handleDownload(): Promise<void> {
    const c = this.selected!;
    try {
      const blob = await this.api!.csv(c.id);
      if (this.csvLink) URL.revokeObjectURL(this.csvLink.url);
      this.csvLink = { url: URL.createObjectURL(blob), name: `campaign-${c.id}-entries.csv` };
      await this.updateComplete;
      // The link stays on the page: a browser that held the download back lets the team click it again.
      this.renderRoot.querySelector<HTMLAnchorElement>('a.csv')!.click();
      this.announcement = this.t('csvDone');
    } catch (error) {
      this.failure = this.t('csvFailed', { reason: reason(error) });
    }
  }

  private renderList() {
    return html`<ul class="campaign-list">
      ${this.campaigns.map(
        (c) =>
          html`<li data-id=${c.id} class=${this.selected?.id === c.id ? 'current' : ''}>
            <button
              type="button"
              class="open"
              aria-pressed=${this.selected?.id === c.id}
              @click=${() => this.open(c.id)}
            >
              ${c.name}
            </button>
            <span class="phase" data-phase=${c.phase}>${this.t.phase(c.phase)}</span>
          </li>`,
      )}
    </ul>`;
  }

  private renderSelected(c: CampaignAdmin) {
    const next = nextPhase(c.phase);
    const canPick = c.phase === 'judging' || c.phase === 'results';
    return html`<article class="campaign" aria-labelledby="campaign-title">
      <h3 id="campaign-title">${c.name}</h3>
      <p class="where">
        ${this.t('phaseLabel')} <strong class="current-phase" data-phase=${c.phase}>${this.t.phase(c.phase)}</strong>${
          c.phaseEndsAt
            ? html`, ${this.t('until')} <time datetime=${c.phaseEndsAt}>${this.t.date(c.phaseEndsAt)}</time>`
            : nothing
        }.
        ${this.t('templateLabel')} <code>${c.template}</code>. ${this.t('idLabel')}
        <code class="campaign-id">${c.id}</code>.
      </p>
      <div class="actions">
        ${
          next
            ? html`<button type="button" class="advance" ?disabled=${this.busy} @click=${this.handleAdvance}>
              ${this.t('moveTo', { phase: this.t.phase(next) })}
            </button>`
            : nothing
        }
        <button type="button" class="edit" @click=${this.startEdit}>${this.t('edit')}</button>
        <a class="results-link" href=${this.api!.absolute(`/results/${encodeURIComponent(c.id)}`)}
          >${this.t('resultsPage')}</a
        >
      </div>
      ${renderJurors(
        this.jurors,
        this.invited,
        {
          invite: (e) => void this.handleInvite(e),
          copy: (link) => void this.handleCopy(link),
          revoke: (j) => void this.handleRevoke(j),
        },
        this.t,
      )}
      ${renderRanking(
        this.ranking,
        this.picks,
        canPick,
        this.picksSaved,
        {
          pick: (e) => this.handlePick(e),
          unpick: (id) => this.handleUnpick(id),
          save: () => void this.handleSaveWinners(),
          download: () => void this.handleDownload(),
        },
        this.t,
      )}
      ${
        this.csvLink
          ? html`<p><a class="csv" href=${this.csvLink.url} download=${this.csvLink.name}>${this.csvLink.name}</a></p>`
          : nothing
      }
    </article>`;
  }

  protected override render() {
    if (!this.api) return nothing;
    return html`<section class="campaigns" lang=${this.t.lang} aria-labelledby="campaigns-title">
      <h2 id="campaigns-title">${this.t('title')}</h2>
      <p class="status" role="status">${this.announcement}</p>
      ${this.failure ? html`<p class="failure" role="alert">${this.failure}</p>` : nothing}
      ${this.campaigns.length ? this.renderList() : html`<p class="empty">${this.t('none')}</p>`}
      ${
        this.draft
          ? renderCampaignForm(
              this.draft,
              this.editing !== undefined,
              this.formFailure,
              this.busy,
              {
                submit: (e) => void this.handleSave(e),
                cancel: () => (this.draft = undefined),
                addCriterion: () => this.editCriteria((list) => list.push({ id: '', name: '', weight: 1 })),
                removeCriterion: (i) =>
                  this.editCriteria((list, ids) => {
                    list.splice(i, 1);
                    ids.splice(i, 1);
                  }),
              },
              this.t,
            )
          : html`<button type="button" class="new-campaign" @click=${this.startNew}>${this.t('newCampaign')}</button>`
      }
      ${this.selected && !this.draft ? this.renderSelected(this.selected) : nothing}
    </section>`;
  }
}
