import { css } from 'lit';
import { visuallyHidden } from '../theme/visually-hidden.ts';

/**
 * The phone layouts (src/element/layout.ts). Under 640 px of the element's
 * own width (a container query, so a narrow iframe or column on a desktop
 * gets it too): the canvas the whole width, a style row under it, the tools
 * in a bottom bar within thumb reach, the side panel a sheet over the canvas.
 * `.short` (a phone on its side): the tools in a double column at the left
 * edge, the style row under the canvas, the same sheet. Safe-area insets
 * keep buttons clear of rounded corners and the home indicator (on pages that
 * ask for `viewport-fit=cover`).
 */
export const compactStyles = css`
  /* Never taller than the viewport it sits in (in a frame, the frame's page decides: layout.ts says why). */
  :host(:state(top-level)) {
    max-height: 100dvh;
  }
  .shell {
    /* A swipe that reaches an end of a panel does not scroll the page or pull to refresh it. */
    overscroll-behavior: contain;
    /* Taps are taps: no double-tap zoom of the page over the studio's controls. */
    touch-action: manipulation;
  }
  .phone,
  .short {
    padding-inline: env(safe-area-inset-left) env(safe-area-inset-right);
  }
  .phone .panel-toggle,
  .short .panel-toggle {
    display: inline-flex;
  }
  .strip {
    grid-area: strip;
    /* The containing block of its visually hidden labels, so they never widen the page. */
    position: relative;
    align-items: center;
    gap: 8px;
    padding: 4px 8px;
    overflow-x: auto;
    overflow-y: hidden;
    overscroll-behavior: contain;
    border-top: 1px solid var(--_line);
    background: var(--_panel-bg);
    scrollbar-width: none;
  }
  /*
   * The row and the bottom bar take their full size from the first paint, before the editor fills them: a canvas
   * that shrank once the tools arrived would be made, sized and drawn twice on the way to the first frame.
   */
  .phone .strip,
  .short .strip {
    display: flex;
    height: 48px;
  }
  /* One row: the current tool's options side by side, scrolled sideways when they do not fit. */
  .strip .style-panel,
  .strip .brush-toggles,
  .strip .selection-actions {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 0;
    border: 0;
  }
  .strip .selection-actions button {
    flex: none;
    white-space: nowrap;
  }
  .strip .field {
    flex-direction: row;
    align-items: center;
    gap: 6px;
    margin: 0;
  }
  .strip .field-label,
  .strip .custom-colour-label {
    ${visuallyHidden}
  }
  .strip .swatches,
  .strip .chips,
  .strip .stickers {
    flex-wrap: nowrap;
  }
  .strip input[type='range'] {
    width: 96px;
  }
  /* Size first: the colours may scroll sideways, the size stays in view. */
  .strip .field:has(input[type='range']) {
    order: -1;
  }
  .strip .swatch {
    min-width: 36px;
    width: 36px;
    height: 36px;
  }
  .stage-tools {
    grid-area: stage;
    align-self: start;
    justify-self: end;
    z-index: 1;
    margin: 6px;
  }
  .phone .stage-tools,
  .short .stage-tools {
    display: block;
  }
  .stage-tools button {
    background: var(--_bg);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
  }
  /* The sheet: over the canvas, scrolled on its own, gone at the next stroke (the element closes it). */
  .phone .side,
  .short .side {
    display: none;
    grid-area: stage;
    z-index: 2;
    overscroll-behavior: contain;
    box-shadow: 0 4px 24px rgb(0 0 0 / 0.2);
    border: 0;
  }
  .phone.panel-open .side,
  .short.panel-open .side {
    display: flex;
  }
  .short {
    grid-template-columns: auto minmax(0, 1fr);
    grid-template-rows: auto minmax(0, 1fr) auto auto;
    grid-template-areas: 'bar bar' 'tools stage' 'tools strip' 'tools msg';
  }
  .short .toolbar {
    display: grid;
    grid-template-columns: repeat(2, 40px);
    /* Two 40 px columns, the gap, 6 px padding each side and the border, before the tools arrive too. */
    min-width: 95px;
    align-content: start;
    padding-block-end: env(safe-area-inset-bottom);
  }
  .short .side {
    justify-self: end;
    width: min(320px, 70%);
  }
  @container (max-width: 640px) {
    .shell {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto minmax(0, 1fr) auto auto auto;
      grid-template-areas: 'bar' 'stage' 'msg' 'strip' 'tools';
    }
    /* Every tool in one row that fits the width: nothing scrolls out of reach. */
    .toolbar {
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
      gap: 0;
      padding: 2px 2px calc(2px + env(safe-area-inset-bottom));
      border-inline-end: 0;
      border-top: 1px solid var(--_line);
      overflow: hidden;
    }
    .toolbar .tool {
      min-width: 0;
      min-height: 44px;
      padding: 0;
    }
    /* 44 px buttons, 2 px padding above and below, the 1 px border: the same before and after the tools arrive. */
    .toolbar {
      min-height: calc(49px + env(safe-area-inset-bottom));
    }
    .side {
      align-self: end;
      max-height: 75%;
    }
    /* Fingers pinch to zoom, and the fit button sits on the canvas: the header keeps room for the rest. */
    .bar [data-action='zoom-in'],
    .bar [data-action='zoom-out'],
    .bar [data-action='fit'] {
      display: none;
    }
    .bar {
      padding-inline: 4px;
      gap: 4px;
    }
    .actions button {
      min-width: 36px;
      padding-inline: 4px;
    }
  }
`;
