import { css } from 'lit';
import { systemTokens } from './tokens.ts';

/**
 * The `:host` of the demo's own elements (`<co-design-gallery>`,
 * `<co-design-dashboard>`): the studio's token layers, reference tokens
 * included, so one theme dresses all three. Their styles use the private
 * `--_*` names.
 */
export const pageTokens = css`
  :host {
    ${systemTokens}
    display: block;
    color: var(--_fg);
    font: 15px/1.4 var(--_font);
  }
`;
