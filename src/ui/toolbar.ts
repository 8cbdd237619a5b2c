import { html, type TemplateResult } from 'lit';
import { CommandGroup } from '../editor/commands/types.ts';
import type { StudioEditor } from '../editor/editor.ts';
import type { ToolId } from '../editor/tools/types.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/translate.ts';
import { icon } from './icons.ts';
import { rovingKeys, tabStop } from './roving.ts';

const toolbarKeys = rovingKeys(false);

export interface ToolbarState {
  editor: StudioEditor;
  t: Translate;
  onTool(id: ToolId): void;
  /** A row (the phone's bottom bar) rather than a column. */
  horizontal?: boolean;
}

/** The tool buttons: the `tool.*` commands of the editor's one registry. */
export function renderToolbar({ editor, t, onTool, horizontal }: ToolbarState): TemplateResult {
  const tools = editor.commands.list(CommandGroup.Tool);
  return html`<div
    class="toolbar"
    part="toolbar"
    role="toolbar"
    aria-label=${t('toolbar.label')}
    aria-orientation=${horizontal ? 'horizontal' : 'vertical'}
    @keydown=${toolbarKeys}
  >
    ${tools.map((command, i) => {
      const id = command.tool as ToolId;
      const label = t(command.label as MessageKey);
      return html`<button
        type="button"
        part="button tool-button"
        class="tool"
        data-tool=${id}
        tabindex=${tabStop(editor.tool === id, i === 0, true)}
        aria-pressed=${editor.tool === id ? 'true' : 'false'}
        aria-keyshortcuts=${command.keys ?? ''}
        title=${`${label} (${command.keys})`}
        @click=${() => onTool(id)}
      >
        ${icon(command.icon ?? '')}<span class="label">${label}</span>
      </button>`;
    })}
  </div>`;
}
