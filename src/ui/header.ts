import { html, nothing } from 'lit';
import type { StudioEditor } from '../editor/editor.ts';
import type { Translate } from '../i18n/translate.ts';
import type { TemplateManifest } from '../template/types.ts';
import { commandButton } from './command-button.ts';
import { icon } from './icons.ts';
import { rovingKeys, tabStop } from './roving.ts';

const tabKeys = rovingKeys(true);

/** The registered commands the header offers, in its order. */
const HEADER_COMMANDS = ['undo', 'redo', 'zoom-out', 'zoom-in', 'fit'] as const;

export interface HeaderProps {
  editor: StudioEditor | undefined;
  manifest: TemplateManifest | undefined;
  /**
   * The submit button, when there is a brief to submit to: `blocked` says why it is off (a campaign that takes no
   * entries now; shown in the brief, which the button points to), `update` when this person already entered.
   */
  submit: { blocked: string; update: boolean } | undefined;
  panelOpen: boolean;
  t: Translate;
  onDrafts(): void;
  onSubmit(): void;
  onPanel(): void;
}

/**
 * The studio's header: view tabs (or the product's name), history and zoom commands, drafts, submit, the panel
 * toggle.
 */
export function renderHeader(p: HeaderProps) {
  const { editor, t } = p;
  return html`<div class="bar" part="header">
    ${
      p.manifest && p.manifest.views.length > 1
        ? html`<div class="views" role="tablist" aria-label=${t('views.label')} @keydown=${tabKeys}>
            ${p.manifest.views.map((v) => viewTab(p, v.id, v.name))}
          </div>`
        : html`<div class="title">${p.manifest?.name ?? t('studio.loading')}</div>`
    }
    <div class="actions">
      ${HEADER_COMMANDS.map((id) => commandButton(editor, id, t))}
      <button
        type="button"
        part="button"
        class="icon-button"
        data-action="drafts"
        aria-label=${t('drafts.button')}
        title=${t('drafts.button')}
        ?disabled=${!editor}
        @click=${p.onDrafts}
      >
        ${icon('drafts')}
      </button>
      ${
        p.submit
          ? html`<button
              type="button"
              part="button primary"
              class="primary"
              data-action="submit"
              ?disabled=${!editor || !!p.submit.blocked}
              title=${p.submit.blocked || nothing}
              aria-describedby=${p.submit.blocked ? 'campaign-status' : nothing}
              @click=${p.onSubmit}
            >${t(p.submit.update ? 'submit.update' : 'submit.button')}</button>`
          : nothing
      }
      <button
        type="button"
        part="button"
        class="icon-button panel-toggle"
        data-action="panel"
        aria-label=${t('layers.toggle')}
        aria-expanded=${p.panelOpen ? 'true' : 'false'}
        @click=${p.onPanel}
      >
        ${icon('layers')}
      </button>
    </div>
  </div>`;
}

function viewTab(p: HeaderProps, id: string, name: string) {
  const selected = p.editor?.view === id;
  return html`<button
    type="button"
    role="tab"
    part="button view-tab"
    data-view=${id}
    tabindex=${tabStop(selected, false, true)}
    aria-selected=${selected ? 'true' : 'false'}
    @click=${() => p.editor?.setView(id)}
  >${name}</button>`;
}
