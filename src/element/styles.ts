import { css } from 'lit';
import { systemTokens } from '../theme/tokens.ts';
import { visuallyHidden } from '../theme/visually-hidden.ts';

/**
 * Tokens in layers (docs/theming.md): reference values (`--co-design-ref-*`,
 * the raw palette) → system tokens (`--co-design-surface`, `-accent`, …) →
 * component tokens (`--co-design-toolbar-background`, …) → the private
 * `--_*` names the rules below use (the system layer is src/theme/tokens.ts,
 * shared with the gallery and dashboard). Each layer only falls back to the one
 * before, so a host sets whichever it likes on `co-design-studio` or `:root`.
 *
 * Nothing leaks out of the shadow root. Into it come only these tokens and
 * inherited properties, and the inherited ones that would change the layout
 * (typography, colour, cursor, spacing) are set here with `!important`: a
 * page's `* { font: … !important }` cannot reach inside (an important
 * declaration of the shadow tree beats the page's on the host), while the
 * host box itself (display, size, margin, position) stays the page's.
 */
export const styles = css`
  :host {
    ${systemTokens}
    --_toolbar-bg: var(--co-design-toolbar-background, var(--_bg));
    --_panel-bg: var(--co-design-panel-background, var(--_bg));
    --_panel-width: var(--co-design-panel-width, 280px);
    display: block;
    position: relative;
    box-sizing: border-box;
    height: var(--co-design-height, 640px);
    min-height: 320px;
    container-type: inline-size;
    background: var(--_bg);
    color: var(--_fg) !important;
    font: var(--co-design-font-size, 14px) / 1.4 var(--_font) !important;
    font-kerning: auto !important;
    font-feature-settings: normal !important;
    font-variation-settings: normal !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    text-align: start !important;
    white-space: normal !important;
    word-break: normal !important;
    overflow-wrap: normal !important;
    hyphens: manual !important;
    cursor: auto !important;
    list-style: none !important;
    -webkit-text-fill-color: currentcolor !important;
    -webkit-text-stroke: 0 !important;
  }
  .toolbar {
    background: var(--_toolbar-bg);
  }
  .side {
    background: var(--_panel-bg);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .shell {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) var(--_panel-width);
    grid-template-rows: auto minmax(0, 1fr) auto;
    grid-template-areas: 'bar bar bar' 'tools stage side' 'msg msg msg';
    height: 100%;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    background: transparent;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    min-width: 40px;
    min-height: 40px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    padding: 4px 8px;
    transition:
      background-color 120ms ease,
      box-shadow 120ms ease;
  }
  /* The main call to action looks like one from the first paint, not only once a dialog's styles have loaded. */
  button.primary {
    color: var(--_accent-fg);
    background: var(--_accent);
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  summary:focus-visible,
  .stage:focus-visible:not([data-pointer-focus]) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* A pointer's focus on the canvas shows no frame (docs/accessibility.md); Tab or a key brings it back. */
  .stage:focus {
    outline: none;
  }
  .icon {
    width: 22px;
    height: 22px;
    flex: none;
  }
  .bar {
    grid-area: bar;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 4px 8px;
    border-bottom: 1px solid var(--_line);
  }
  .title {
    font-weight: 600;
  }
  .views,
  .actions {
    display: flex;
    gap: 4px;
    align-items: center;
    overflow-x: auto;
  }
  .views [aria-selected='true'] {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .toolbar {
    grid-area: tools;
    /* A 40 px button, 6 px padding each side and the border: the canvas keeps its width when the tools arrive. */
    min-width: 53px;
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 6px;
    border-inline-end: 1px solid var(--_line);
    overflow-y: auto;
  }
  .tool .label {
    ${visuallyHidden}
  }
  .tool[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .stage {
    grid-area: stage;
    position: relative;
    overflow: hidden;
    background: var(--_stage);
    touch-action: none;
    user-select: none;
    -webkit-user-select: none;
  }
  .visually-hidden {
    ${visuallyHidden}
  }
  .side {
    grid-area: side;
    border-inline-start: 1px solid var(--_line);
    overflow-y: auto;
    display: flex;
    flex-direction: column;
  }
  .brief-panel,
  .style-panel,
  .layers-panel,
  .selection-actions {
    padding: 10px;
    border-bottom: 1px solid var(--_line);
  }
  .brief-panel summary {
    cursor: pointer;
  }
  .campaign-status {
    margin: 0;
    padding: 8px 10px;
    border-bottom: 1px solid var(--_line);
    font-weight: 600;
  }
  .brief-title {
    font-weight: 600;
  }
  .brief-text,
  .brief-rules {
    margin: 8px 0 0;
  }
  .brief-rules {
    padding-inline-start: 18px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin-block-end: 10px;
  }
  .field-label,
  h2 {
    font-size: 12px;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
    margin: 0;
  }
  .swatches,
  .chips,
  .stickers {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .swatch {
    min-width: 32px;
    min-height: 32px;
    width: 32px;
    height: 32px;
    padding: 0;
    background: var(--swatch);
    border: 1px solid var(--_muted);
    border-radius: 50%;
  }
  .swatch.none {
    background: linear-gradient(135deg, transparent 46%, var(--_muted) 46% 54%, transparent 54%);
  }
  .swatch[aria-checked='true'] {
    box-shadow:
      0 0 0 2px var(--_bg),
      0 0 0 4px var(--_accent);
  }
  .brush-toggles {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    padding: 10px;
    border-bottom: 1px solid var(--_line);
  }
  .brush-toggles [aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .chip[aria-checked='true'],
  .sticker[aria-checked='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  .chip {
    border-color: var(--_line);
  }
  .sticker img {
    width: 40px;
    height: 40px;
    object-fit: contain;
  }
  .panel-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
  }
  .layers {
    list-style: none;
    margin: 6px 0 0;
    padding: 0;
  }
  .layer {
    display: flex;
    align-items: center;
    gap: 2px;
    border-radius: var(--_radius);
  }
  .layer.active {
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  .layer .icon-button {
    min-width: 30px;
    padding: 2px;
  }
  .layer-name {
    flex: 1;
    min-width: 0;
    /* A long name ends in an ellipsis; the whole name is its title and in its accessible name. */
    text-overflow: ellipsis;
    border: 1px solid transparent;
    background: transparent;
    padding: 4px;
    border-radius: 4px;
  }
  .layer-name:hover,
  .layer-name:focus {
    border-color: var(--_line);
  }
  .panel-toggle,
  .stage-tools,
  .strip {
    display: none;
  }
  .messages {
    grid-area: msg;
  }
  .notice {
    margin: 0;
    padding: 0 10px;
    min-height: 1.4em;
    color: var(--_muted);
  }
  .error {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 6px 10px;
    color: #ffffff;
    background: var(--_danger);
  }
  .messages {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
  }
  .messages > .notice {
    flex: 1;
  }
  .messages > .error,
  .messages > .warning {
    flex-basis: 100%;
  }
  input[type='range'] {
    width: 100%;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
