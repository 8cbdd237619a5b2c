import { css } from 'lit';
import { pageTokens } from '../theme/page-tokens.ts';

export const styles = [
  pageTokens,
  css`
    :host {
      max-width: 960px;
      margin: 0 auto;
      padding: 0 12px 48px;
    }
    h1 {
      font-size: 22px;
      overflow-wrap: anywhere;
    }
    h2 {
      font-size: 18px;
      overflow-wrap: anywhere;
    }
    h3 {
      font-size: 16px;
      overflow-wrap: anywhere;
    }
    button {
      font: inherit;
      min-height: 44px;
      padding: 4px 16px;
      border-radius: var(--_radius);
      border: 1px solid var(--_accent);
      background: var(--_accent);
      color: var(--_accent-fg);
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    :is(button, input):focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .problem,
    .phase.closed {
      border-left: 4px solid var(--_danger);
      padding: 4px 12px;
    }
    .private,
    .note {
      color: var(--_muted);
    }
    .entries {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 16px;
    }
    .entry {
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      padding: 12px;
      background: var(--_bg);
    }
    .previews {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .previews img {
      max-width: 100%;
      height: auto;
      max-height: 200px;
      width: auto;
      background: #fff;
      border-radius: 4px;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 12px 0 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-bottom: 4px;
    }
    /* Ten targets of 44 px on one row from 480 px; two rows of five on a phone. */
    .scale {
      display: grid;
      grid-template-columns: repeat(10, minmax(0, 44px));
      gap: 4px;
    }
    @media (max-width: 520px) {
      .scale {
        grid-template-columns: repeat(5, minmax(0, 1fr));
      }
    }
    .scale label {
      position: relative;
      display: grid;
      place-items: center;
      min-height: 44px;
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    .scale input {
      position: absolute;
      inset: 0;
      margin: 0;
      opacity: 0;
      cursor: pointer;
    }
    .scale label:has(input:checked) {
      background: var(--_accent);
      color: var(--_accent-fg);
      border-color: var(--_accent);
      font-weight: 700;
    }
    .scale label:has(input:focus-visible) {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    fieldset:disabled .scale label {
      opacity: 0.6;
      cursor: default;
    }
    .save-row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin-top: 12px;
    }
  `,
];
