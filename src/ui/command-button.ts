import { html, nothing, type TemplateResult } from 'lit';
import type { StudioEditor } from '../editor/editor.ts';
import type { CommandArgs } from '../editor/commands/types.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Params } from '../i18n/format.ts';
import type { Translate } from '../i18n/translate.ts';
import { icon } from './icons.ts';

export interface CommandButtonOptions {
  /** Extra parts beside `button` (e.g. `tool-button`). */
  part?: string;
  className?: string;
  /** What the command acts on (a layer row). */
  args?: CommandArgs;
  /** Parameters of the label (`{name}` of a layer). */
  params?: Params;
  /** Show the label beside the icon, not only as its accessible name. */
  withText?: boolean;
  /** The button's `data-action`, when it differs from the command's id. */
  action?: string;
}

/**
 * A button for a registered command: its name, icon, shortcut, enabled state
 * and action all come from the editor's command registry, so the header, the
 * panels and the keyboard never disagree.
 */
export function commandButton(
  editor: StudioEditor | undefined,
  id: string,
  t: Translate,
  o: CommandButtonOptions = {},
): TemplateResult {
  const command = editor?.commands.get(id);
  const label = command?.label ? t(command.label as MessageKey, o.params) : id;
  const keys = command?.keys ?? '';
  const first = keys.split(' ')[0]?.replace('Control', 'Ctrl');
  const enabled = !!editor?.ready && editor.commands.enabled(id, o.args);
  const pressed = editor?.commands.pressed(id);
  return html`<button
    type="button"
    part=${`button ${o.part ?? ''}`.trim()}
    class=${o.className ?? (o.withText ? '' : 'icon-button')}
    data-action=${o.action ?? id}
    aria-label=${o.withText ? nothing : label}
    aria-keyshortcuts=${keys || nothing}
    aria-pressed=${pressed === undefined ? nothing : String(pressed)}
    title=${first ? `${label} (${first})` : label}
    ?disabled=${!enabled}
    @click=${() => editor?.commands.run(id, o.args)}
  >
    ${command?.icon ? icon(command.icon) : ''}${o.withText ? html` ${label}` : ''}
  </button>`;
}
