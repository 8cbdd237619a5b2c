import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { apiUrl, requestJson } from '../gallery/api.ts';
import type { DesignDetail, DesignSummary } from '../protocol/submission.ts';
import { bearer, type AdminApi } from './admin-api.ts';
import type { OriginalityTranslate } from './originality/strings.ts';

interface Host extends ReactiveControllerHost {
  readonly templates: string;
}

type Loaded = { design: DesignDetail['design'] } | { failed: string };

/**
 * "Watch it painted" on a design of the moderation queue: a disclosure that, when opened, fetches the design with
 * the admin token (a pending design is not public, so the replay cannot fetch it itself) and the replay's code,
 * and plays it. Whether a design was painted or pasted shows best in how it was made.
 */
export class ModerationReplay implements ReactiveController {
  private readonly designs = new Map<string, Loaded>();
  private loaded: Promise<unknown> | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.designs.clear();
  }

  /** Forget what was fetched: another token, or the queue reloaded after a moderation. */
  clear(): void {
    this.designs.clear();
  }

  private async handleToggle(e: Event, api: AdminApi, summary: DesignSummary): Promise<void> {
    if (!(e.currentTarget as HTMLDetailsElement).open || this.designs.has(summary.id)) return;
    try {
      this.loaded ??= import('../replay/index.ts');
      const url = apiUrl(api.endpoint, `/designs/${encodeURIComponent(summary.id)}`);
      const [{ body }] = await Promise.all([requestJson<DesignDetail>(url, bearer(api.token)), this.loaded]);
      this.designs.set(summary.id, { design: body.design });
    } catch (error) {
      this.loaded = undefined;
      this.designs.set(summary.id, { failed: (error as Error)?.message ?? String(error) });
    }
    this.host.requestUpdate();
  }

  render(api: AdminApi, design: DesignSummary, t: OriginalityTranslate) {
    const loaded = this.designs.get(design.id);
    const template = new URL(
      `${encodeURIComponent(design.template.id)}.json`,
      new URL(this.host.templates, location.href),
    );
    let body: unknown = nothing;
    if (loaded && 'design' in loaded)
      body = html`<co-design-replay
        .design=${loaded.design}
        template=${template.href}
        view=${design.previews[0]?.view ?? ''}
      ></co-design-replay>`;
    else if (loaded) body = html`<p class="failure" role="alert">${loaded.failed}</p>`;
    return html`<details class="replay" @toggle=${(e: Event) => this.handleToggle(e, api, design)}>
      <summary>${t('watch')}</summary>
      ${body}
    </details>`;
  }
}
