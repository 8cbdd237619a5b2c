import { html, nothing, type TemplateResult } from 'lit';
import type { StudioEditor } from '../../editor/editor.ts';
import type { ToolOption } from '../../editor/tools/types.ts';
import type { Translate } from '../../i18n/translate.ts';
import { commandButton } from '../command-button.ts';

/** Which option of a tool's definition shows which toggle command. */
const TOGGLES: readonly [ToolOption, string][] = [
  ['drips', 'spray.drips'],
  ['mirror', 'mirror'],
];

/** The current tool's toggles (drips, mirror) as pressed buttons of the registry's commands. */
export function renderBrushToggles(editor: StudioEditor, t: Translate): TemplateResult | typeof nothing {
  const shown = TOGGLES.filter(([option]) => editor.toolOptions.includes(option));
  if (!shown.length) return nothing;
  return html`<div class="brush-toggles" part="brush-toggles">
    ${shown.map(([, id]) => commandButton(editor, id, t, { withText: true, part: 'toggle' }))}
  </div>`;
}
