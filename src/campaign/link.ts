import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Translate } from '../i18n/translate.ts';
import type { TemplateBrief } from '../template/types.ts';
import type { CampaignController, CampaignSource } from './controller.ts';

/** A brief as shown: a campaign's also names its reward. */
export type ShownBrief = TemplateBrief & { reward?: string };

/**
 * The studio's hold on its campaign (docs/campaigns.md), as light as it can
 * be: most pages name no campaign, so the controller, its reader and its
 * countdown load only when the `campaign` attribute is set.
 */
export class CampaignLink implements ReactiveController {
  private controller: CampaignController | undefined;
  private status: typeof import('./status.ts') | undefined;
  private loading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: CampaignSource,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.loading || this.controller || !this.source.id()) return;
    this.loading = true;
    void Promise.all([import('./controller.ts'), import('./status.ts')]).then(([{ CampaignController }, status]) => {
      this.status = status;
      // Added now, it sees the host's next update and loads the campaign then.
      this.controller = new CampaignController(this.host, this.source);
      this.host.requestUpdate();
    });
  }

  /** The brief and terms consented to: the campaign's while the studio runs in one, else the template's. */
  brief(template: TemplateBrief | undefined): ShownBrief | undefined {
    const c = this.source.id() ? this.controller?.campaign : undefined;
    if (!c) return template;
    const { title, text, rules } = c.brief;
    return { title, text, rules, termsVersion: c.terms.version, terms: c.terms.licence, reward: c.terms.reward };
  }

  /** The line above the brief: phase and countdown, or why the campaign could not be read. */
  renderStatus(t: Translate): unknown {
    const c = this.controller;
    if (!c || !this.status || !this.source.id()) return nothing;
    return this.status.renderCampaignStatus(t, c.campaign, c.now, c.problem);
  }

  /** Why submitting is off now, or ''. */
  blocked(t: Translate): string {
    return this.status && this.source.id() ? this.status.submitBlocked(t, this.controller?.campaign) : '';
  }

  /** This participant already has an entry: submit offers an update. */
  get entered(): boolean {
    return !!this.source.id() && !!this.controller?.entry?.entered;
  }

  delivered(): void {
    this.controller?.entered();
  }
}
