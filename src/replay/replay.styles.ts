import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --co-design-accent: #0b57d0;
    font: 14px/1.4 system-ui, sans-serif;
    color: #1f1f1f;
  }
  [part='stage'] {
    position: relative;
    background: var(--co-design-replay-background, #f4f4f4);
  }
  canvas {
    display: block;
    width: 100%;
    height: auto;
  }
  /* On a phone the speed menu wraps below rather than running off the screen. */
  [part='controls'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding: 6px 0;
  }
  button,
  select {
    font: inherit;
    min-height: 32px;
    border: 1px solid #747775;
    border-radius: 6px;
    background: #fff;
    color: inherit;
  }
  button {
    min-width: 6.5em;
    background: var(--co-design-accent);
    border-color: var(--co-design-accent);
    color: #fff;
  }
  input[type='range'] {
    flex: 1 1 140px;
    min-width: 0;
    accent-color: var(--co-design-accent);
  }
  :focus-visible {
    outline: 2px solid var(--co-design-accent);
    outline-offset: 2px;
  }
  .status {
    padding: 24px;
  }
  .time {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
