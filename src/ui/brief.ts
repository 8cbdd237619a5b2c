import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/translate.ts';
import type { TemplateBrief } from '../template/types.ts';

/**
 * The campaign's brief where the customer starts: what to paint and why.
 * Open on arrival; it folds itself after the first edit (the tools below it
 * matter more then) and opens again with one click. The terms stay in the
 * submit dialog, where consent is asked. In a campaign, `status` says where
 * it stands (phase, countdown), above the brief and visible while it is
 * folded, so the submit button can point to it.
 */
export function renderBrief(
  brief: TemplateBrief | undefined,
  open: boolean,
  t: Translate,
  onToggle: (open: boolean) => void,
  status: unknown = nothing,
): TemplateResult | typeof nothing {
  if (!brief) return nothing;
  const toggled = (e: Event) => onToggle((e.target as HTMLDetailsElement).open);
  return html`${status}<details class="brief-panel" part="panel brief" ?open=${open} @toggle=${toggled}>
    <summary>
      <span class="field-label">${t('brief.heading')}</span> <span class="brief-title">${brief.title}</span>
    </summary>
    <p class="brief-text">${brief.text}</p>
    ${
      brief.rules.length
        ? html`<ul class="brief-rules">
            ${brief.rules.map((rule) => html`<li>${rule}</li>`)}
          </ul>`
        : nothing
    }
  </details>`;
}
