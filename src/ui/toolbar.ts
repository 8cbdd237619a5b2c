import { html, type TemplateResult } from 'lit';
import { TOOLS } from '../editor/tools/registry.ts';
import type { ToolId } from '../editor/tools/types.ts';
import type { Translate } from '../i18n/translate.ts';
import { icon } from './icons.ts';
import { rovingKeys, tabStop } from './roving.ts';

const toolbarKeys = rovingKeys(false);

export interface ToolbarState {
  tool: ToolId;
  t: Translate;
  onTool(id: ToolId): void;
}

/** The tool buttons, read from the one tool registry. */
export function renderToolbar(s: ToolbarState): TemplateResult {
  return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label=${s.t('toolbar.label')} aria-orientation="vertical" @keydown=${toolbarKeys}>
    ${TOOLS.map(
      (tool, i) => html`<button
        type="button"
        part="button tool-button"
        class="tool"
        data-tool=${tool.id}
        tabindex=${tabStop(s.tool === tool.id, i === 0, true)}
        aria-pressed=${s.tool === tool.id ? 'true' : 'false'}
        aria-keyshortcuts=${tool.key.toUpperCase()}
        title=${`${s.t(`tool.${tool.id}`)} (${tool.key.toUpperCase()})`}
        @click=${() => s.onTool(tool.id)}
      >
        ${icon(tool.id)}<span class="label">${s.t(`tool.${tool.id}`)}</span>
      </button>`,
    )}
  </div>`;
}
