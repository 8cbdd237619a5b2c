import { css } from 'lit';

/**
 * The studio's `--co-design-*` tokens as the demo's own elements
 * (`<co-design-gallery>`, `<co-design-dashboard>`) read them, so one theme
 * dresses all three. Each element's styles use the private `--_*` names.
 */
export const pageTokens = css`
  :host {
    --_fg: var(--co-design-text, #1b1d21);
    --_muted: var(--co-design-muted, #5b606b);
    --_line: var(--co-design-border, #d5d8de);
    --_card: var(--co-design-surface, #ffffff);
    --_accent: var(--co-design-accent, #0a58ca);
    --_accent-fg: var(--co-design-accent-text, #ffffff);
    --_danger: var(--co-design-danger, #b42318);
    --_focus: var(--co-design-focus, #0a58ca);
    --_radius: var(--co-design-radius, 8px);
    display: block;
    color: var(--_fg);
    font: 15px/1.4 var(--co-design-font, system-ui, sans-serif);
  }
`;
