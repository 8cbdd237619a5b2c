import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { previewUrl } from '../gallery/api.ts';
import type { CampaignPhase } from '../protocol/campaign.ts';
import type { CriterionScore, JuryEntry, JuryView } from '../protocol/jury.ts';
import { juryTranslator, type JuryKey, type JuryTranslate } from './i18n/index.ts';
import { keyFromHash, loadJury, saveScores } from './jury-api.ts';
import { styles } from './jury.styles.ts';

const PHASE_KEY: Record<CampaignPhase, JuryKey> = {
  upcoming: 'phaseUpcoming',
  entries: 'phaseEntries',
  voting: 'phaseVoting',
  judging: 'phaseJudging',
  results: 'phaseResults',
};
const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

type Problem = 'noKey' | 'unknown' | 'revoked' | 'failed';

/** Per entry: the scores being given (criterion → 1..10) and what its last save said. */
interface Draft {
  scores: Map<string, number>;
  note: string;
  saving: boolean;
}

/**
 * A juror's page (docs/campaigns.md, "The jury"): the key comes from the
 * private link's fragment; the brief, the criteria and each approved entry
 * with 1–10 per criterion (native radio groups: arrow keys, and large targets
 * on a phone), saved per entry. Shows only this juror's own scores.
 *
 * @attr endpoint - The API's base URL (default `/api`).
 * @attr lang - The page's language when the visitor's browser should not decide (also `?lang=`).
 */
export class CoDesignJury extends LitElement {
  static override styles = styles;

  @property({ attribute: 'endpoint' }) endpoint = '/api';

  @state() private view: JuryView | undefined;
  @state() private problem: Problem | undefined;
  @state() private reason = '';
  @state() private drafts = new Map<string, Draft>();

  private t: JuryTranslate = juryTranslator(['en']);
  private key: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const asked = new URLSearchParams(location.search).get('lang');
    this.t = juryTranslator([asked, this.getAttribute('lang'), ...navigator.languages].filter((l): l is string => !!l));
    document.documentElement.lang = this.t.lang;
    document.title = this.t('title');
    addEventListener('hashchange', this.load);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.load);
  }

  private readonly load = async (): Promise<void> => {
    this.key = keyFromHash(location.hash);
    this.view = undefined;
    this.problem = undefined;
    if (!this.key) {
      this.problem = 'noKey';
      return;
    }
    try {
      const view = await loadJury(this.endpoint, this.key);
      this.drafts = new Map(view.entries.map((e) => [e.id, this.draftOf(e)]));
      this.view = view;
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      this.problem = code === 'juror-unknown' ? 'unknown' : code === 'juror-revoked' ? 'revoked' : 'failed';
      this.reason = message ?? String(error);
    }
  };

  private draftOf(entry: JuryEntry): Draft {
    const scores = new Map((entry.scores ?? []).map((s) => [s.criterion, s.score]));
    return { scores, note: entry.scores ? this.t('saved') : this.t('notScored'), saving: false };
  }

  private patch(entry: string, change: Partial<Draft>): void {
    const next = new Map(this.drafts);
    next.set(entry, { ...next.get(entry)!, ...change });
    this.drafts = next;
  }

  private handleScore(entry: string, criterion: string, score: number): void {
    const draft = this.drafts.get(entry)!;
    const scores = new Map(draft.scores).set(criterion, score);
    this.patch(entry, { scores });
  }

  private async handleSave(event: SubmitEvent, entry: JuryEntry): Promise<void> {
    event.preventDefault();
    const view = this.view!;
    const draft = this.drafts.get(entry.id)!;
    const missing = view.criteria.filter((c) => !draft.scores.has(c.id)).map((c) => c.name);
    if (missing.length) {
      this.patch(entry.id, { note: this.t('incomplete', { missing: missing.join(', ') }) });
      return;
    }
    const scores: CriterionScore[] = view.criteria.map((c) => ({ criterion: c.id, score: draft.scores.get(c.id)! }));
    this.patch(entry.id, { saving: true, note: this.t('saving') });
    try {
      await saveScores(this.endpoint, this.key!, entry.id, scores);
      this.patch(entry.id, { saving: false, note: this.t('saved') });
    } catch (error) {
      const reason = (error as { message?: string }).message ?? String(error);
      this.patch(entry.id, { saving: false, note: this.t('notSaved', { reason }) });
    }
  }

  private renderProblem(problem: Problem) {
    return html`<div class="problem" role="alert">
      <p>${this.t(problem, { reason: this.reason })}</p>
      ${problem === 'failed' ? html`<button type="button" @click=${this.load}>${this.t('retry')}</button>` : nothing}
    </div>`;
  }

  private renderEntry(view: JuryView, entry: JuryEntry, n: number, open: boolean) {
    const t = this.t;
    const draft = this.drafts.get(entry.id)!;
    const heading = `entry-${entry.id}`;
    return html`<li class="entry" data-id=${entry.id}>
      <article aria-labelledby=${heading}>
        <h3 id=${heading}>${t('entry', { n, author: entry.author })}</h3>
        <div class="previews">
          ${entry.previews.map(
            (p) =>
              html`<img
                src=${previewUrl(this.endpoint, p)}
                width=${p.width}
                height=${p.height}
                alt=${t('preview', { author: entry.author, view: p.view })}
              />`,
          )}
        </div>
        <form @submit=${(e: SubmitEvent) => this.handleSave(e, entry)}>
          ${view.criteria.map(
            (c) =>
              html`<fieldset class="criterion" data-criterion=${c.id} ?disabled=${!open}>
                <legend>${t('scoreOf', { criterion: c.name })}</legend>
                <div class="scale">
                  ${SCORES.map(
                    (s) =>
                      html`<label
                        ><input
                          type="radio"
                          name=${`${entry.id}-${c.id}`}
                          value=${s}
                          .checked=${draft.scores.get(c.id) === s}
                          @change=${() => this.handleScore(entry.id, c.id, s)}
                        /><span>${t.number(s)}</span></label
                      >`,
                  )}
                </div>
              </fieldset>`,
          )}
          <div class="save-row">
            <button type="submit" class="save" ?disabled=${!open || draft.saving}>${t('save')}</button>
            <p class="note" role="status">${draft.note}</p>
          </div>
        </form>
      </article>
    </li>`;
  }

  private renderView(view: JuryView) {
    const t = this.t;
    const open = view.campaign.phase === 'judging';
    const phase = t(PHASE_KEY[view.campaign.phase]);
    return html`<p class="welcome">${t('welcome', { name: view.juror.name, campaign: view.campaign.name })}</p>
      <p class=${open ? 'phase open' : 'phase closed'} role=${open ? nothing : 'alert'}>
        ${open ? t('open') : t('notOpen', { phase })}
      </p>
      <p class="private">${t('private')}</p>
      <section class="brief" aria-labelledby="brief-title">
        <h2 id="brief-title">${t('brief')}: ${view.campaign.brief.title}</h2>
        ${view.campaign.brief.text.split('\n').map((line) => html`<p>${line}</p>`)}
        ${
          view.campaign.brief.rules.length
            ? html`<h3>${t('rules')}</h3>
              <ul>
                ${view.campaign.brief.rules.map((r) => html`<li>${r}</li>`)}
              </ul>`
            : nothing
        }
        <h3>${t('criteria')}</h3>
        <ul class="criteria">
          ${view.criteria.map((c) => html`<li>${c.name} (${t('weight', { weight: t.number(c.weight) })})</li>`)}
        </ul>
      </section>
      <h2 class="count">${t('entries', { count: view.entries.length })}</h2>
      <ol class="entries">
        ${view.entries.map((e, i) => this.renderEntry(view, e, i + 1, open))}
      </ol>`;
  }

  protected override render() {
    const t = this.t;
    return html`<h1>${t('title')}${this.view ? html`: ${this.view.campaign.name}` : nothing}</h1>
      ${
        this.problem
          ? this.renderProblem(this.problem)
          : this.view
            ? this.renderView(this.view)
            : html`<p role="status">${t('loading')}</p>`
      }`;
  }
}
