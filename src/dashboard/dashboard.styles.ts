import { css } from 'lit';
import { pageTokens } from '../theme/page-tokens.ts';

export const styles = [
  pageTokens,
  css`
    button,
    input,
    select {
      font: inherit;
      color: inherit;
      min-height: 40px;
      border-radius: var(--_radius);
      border: 1px solid var(--_line);
      background: var(--_bg);
      padding: 4px 12px;
    }
    button {
      cursor: pointer;
    }
    button:focus-visible,
    input:focus-visible,
    select:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    button.approve,
    .sign-in button {
      background: var(--_accent);
      color: var(--_accent-fg);
      border-color: var(--_accent);
    }
    button.reject {
      color: var(--_danger);
    }
    .sign-in {
      display: grid;
      gap: 8px;
      max-width: 420px;
    }
    .hint,
    .status,
    .empty,
    .who,
    figcaption,
    dt {
      color: var(--_muted);
    }
    .failure {
      color: var(--_danger);
    }
    .top {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .status {
      flex: 1;
      min-height: 1.4em;
    }
    .columns {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 24px;
    }
    @media (max-width: 900px) {
      .columns {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    h2 {
      font-size: 17px;
    }
    .queue {
      list-style: none;
      padding: 0;
      display: grid;
      /* A row of previews scrolls inside its card instead of widening the page on a phone. */
      grid-template-columns: minmax(0, 1fr);
      gap: 12px;
    }
    .design {
      background: var(--_bg);
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      padding: 8px;
    }
    .previews {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    /* Wrapped and shrunk to the card rather than scrolled: a scrolling row would need a tab stop of its own. */
    .previews img,
    .previews .loading {
      height: auto;
      width: auto;
      max-height: 120px;
      max-width: 100%;
      background: #fff;
      border-radius: 4px;
    }
    .previews .loading {
      width: 180px;
      height: 120px;
      background: var(--_line);
    }
    .author {
      font-weight: 600;
      color: var(--_fg);
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .production {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      overflow-wrap: anywhere;
    }
    .production[data-state='failed'] .production-state {
      color: var(--_danger);
    }
    .numbers {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(120px, 1fr));
      gap: 8px;
    }
    .numbers dd {
      margin: 0;
      font-size: 20px;
      font-weight: 600;
    }
    figure {
      margin: 16px 0;
    }
    .chart {
      width: 100%;
      height: auto;
      font-size: 12px;
    }
    .chart text {
      fill: currentColor;
    }
    .chart .bar {
      fill: var(--_accent);
    }
    .chart .axis,
    .chart .marker line {
      stroke: var(--_muted);
    }
    .chart .marker line {
      stroke-dasharray: 4 3;
    }
    .chart .tick,
    .chart .marker text {
      fill: var(--_muted);
      font-size: 11px;
    }
    /* The originality figures (docs/originality.md): one line of small facts, the flag above them. */
    .originality .figures {
      list-style: none;
      padding: 0;
      margin: 4px 0;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      color: var(--_muted);
    }
    .originality .flag {
      margin: 4px 0;
    }
    .originality .badge {
      display: inline-block;
      padding: 2px 8px;
      margin-inline-end: 8px;
      border-radius: var(--_radius);
      border: 1px solid var(--_danger);
      color: var(--_danger);
    }
    details.replay summary {
    display: inline-block;
    padding: 10px 0;
    cursor: pointer;
  }
  details.replay co-design-replay {
    display: block;
    max-width: 640px;
  }
`,
];
