import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { DesignSummary } from '../protocol/submission.ts';
import type { GalleryTranslate } from './i18n/index.ts';

interface DialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly endpoint: string;
  readonly templates: string;
}

/**
 * "Watch it painted": a modal dialog with `<co-design-replay>` playing one design of the gallery. The replay's
 * code (its own chunk, with the renderer) is fetched when the first dialog opens, never with the gallery.
 */
export class ReplayDialog implements ReactiveController {
  private design: DesignSummary | undefined;
  private opener: HTMLElement | undefined;
  private loaded: Promise<unknown> | undefined;

  constructor(private readonly host: DialogHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.design = undefined;
  }

  async open(design: DesignSummary, opener: HTMLElement): Promise<void> {
    this.loaded ??= import('../replay/index.ts');
    await this.loaded;
    this.design = design;
    this.opener = opener;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.dialog()?.showModal();
  }

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog.replay');
  }

  // An arrow: lit calls listeners with the host element as `this`, not this controller.
  private readonly handleClose = (): void => {
    // The replay goes with the dialog: nothing keeps playing (or holding its canvases) behind the gallery.
    this.design = undefined;
    this.host.requestUpdate();
    this.opener?.focus();
  };

  render(t: GalleryTranslate) {
    const design = this.design;
    if (!design) return nothing;
    const templateUrl = new URL(
      `${encodeURIComponent(design.template.id)}.json`,
      new URL(this.host.templates, location.href),
    );
    return html`<dialog class="replay" aria-labelledby="replay-title" @close=${this.handleClose}>
      <div class="replay-head">
        <h2 id="replay-title">${t('watchTitle', { author: design.author })}</h2>
        <button type="button" class="close" autofocus @click=${() => this.dialog()?.close()}>${t('close')}</button>
      </div>
      <co-design-replay
        lang=${t.lang}
        src=${`${this.host.endpoint}/designs/${encodeURIComponent(design.id)}`}
        template=${templateUrl.href}
        view=${design.previews[0]?.view ?? ''}
      ></co-design-replay>
    </dialog>`;
  }
}
