import { css } from 'lit';

/**
 * The system layer of the `--co-design-*` tokens (docs/theming.md), once for
 * every element that wears them: the studio, the gallery and the dashboard.
 * Each private `--_*` name reads its system token, then the reference token
 * beneath it, then the default, so a host that sets `--co-design-ref-primary`
 * on `:root` re-colours all three alike.
 *
 * Declarations only: include it inside a `:host { … }` rule.
 */
export const systemTokens = css`
  --_bg: var(--co-design-surface, var(--co-design-ref-neutral-0, #ffffff));
  --_fg: var(--co-design-text, var(--co-design-ref-neutral-10, #1b1d21));
  --_muted: var(--co-design-muted, var(--co-design-ref-neutral-40, #5b606b));
  --_line: var(--co-design-border, var(--co-design-ref-neutral-85, #d5d8de));
  --_accent: var(--co-design-accent, var(--co-design-ref-primary, #0a58ca));
  --_accent-fg: var(--co-design-accent-text, var(--co-design-ref-on-primary, #ffffff));
  --_stage: var(--co-design-stage, var(--co-design-ref-neutral-93, #eceef2));
  --_danger: var(--co-design-danger, var(--co-design-ref-error, #b42318));
  --_radius: var(--co-design-radius, 8px);
  --_focus: var(--co-design-focus, var(--co-design-ref-primary, #0a58ca));
  --_font: var(--co-design-font, var(--co-design-ref-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif));
`;
