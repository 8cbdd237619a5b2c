import { css } from 'lit';
import { pageTokens } from '../theme/page-tokens.ts';

/** Follows the studio's `--co-design-*` tokens, so one theme dresses both. */
export const styles = [
  pageTokens,
  css`
    button {
      font: inherit;
      min-height: 40px;
      padding: 4px 14px;
      border-radius: var(--_radius);
      border: 1px solid var(--_line);
      background: var(--_bg);
      color: inherit;
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    button:focus-visible,
    a:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    button[aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_accent-fg);
      border-color: var(--_accent);
    }
    a {
      color: var(--_accent);
    }
    .bar,
    .pager {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
      margin: 8px 0;
    }
    .count,
    .status,
    .empty {
      color: var(--_muted);
    }
    .status {
      min-height: 1.4em;
      margin: 4px 0;
    }
    .failure {
      color: var(--_danger);
    }
    .grid {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 16px;
    }
    .card {
      background: var(--_bg);
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      overflow: hidden;
      display: flex;
      flex-direction: column;
    }
    .card img {
      width: 100%;
      height: auto;
      aspect-ratio: auto;
      background: #fff;
    }
    .meta,
    .actions {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      padding: 8px 12px 0;
    }
    .actions {
      padding-bottom: 12px;
    }
    .author {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .votes {
      color: var(--_muted);
      white-space: nowrap;
    }
    /* The share links open below the card's buttons, in the card's width: nothing widens the page at 390 px. */
    .actions {
      flex-wrap: wrap;
    }
    details.share {
      flex: 1 1 100%;
    }
    details.share summary {
      display: inline-flex;
      align-items: center;
      min-height: 40px;
      color: var(--_accent);
      cursor: pointer;
    }
    details.share ul {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 14px;
      padding: 0;
      margin: 4px 0 0;
    }
    details.share a {
      display: inline-block;
      padding: 10px 0;
    }
    .grid {
      grid-template-columns: repeat(auto-fill, minmax(min(240px, 100%), 1fr));
    }
    /* A target of its own, never split over two lines. */
    .invite {
      display: inline-block;
      padding: 10px 0;
    }
    dialog.replay {
      width: min(960px, calc(100vw - 32px));
      max-height: calc(100vh - 32px);
      padding: 16px;
      border: none;
      border-radius: 8px;
      box-sizing: border-box;
    }
    dialog.replay::backdrop {
      background: rgb(0 0 0 / 0.6);
    }
    .replay-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      margin-bottom: 12px;
    }
    .replay-head h2 {
      font-size: 1.1rem;
      margin: 0;
    }
    dialog.replay co-design-replay {
      display: block;
    }
  `,
];
