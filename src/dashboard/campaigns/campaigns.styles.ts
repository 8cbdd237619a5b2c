import { css } from 'lit';
import { pageTokens } from '../../theme/page-tokens.ts';
import { visuallyHidden } from '../../theme/visually-hidden.ts';

export const styles = [
  pageTokens,
  css`
    button,
    input,
    select,
    textarea {
      font: inherit;
      color: inherit;
      min-height: 40px;
      border-radius: var(--_radius);
      border: 1px solid var(--_line);
      background: var(--_bg);
      padding: 4px 12px;
      box-sizing: border-box;
      max-width: 100%;
    }
    a {
      color: var(--_accent);
    }
    button {
      cursor: pointer;
    }
    :is(button, input, select, textarea, a, [tabindex]):focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .save,
    .new-campaign,
    .advance,
    .save-winners,
    .invite button {
      background: var(--_accent);
      color: var(--_accent-fg);
      border-color: var(--_accent);
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    h2 {
      font-size: 17px;
    }
    h3 {
      font-size: 16px;
    }
    h4 {
      font-size: 15px;
    }
    .status,
    .hint,
    .empty,
    small {
      color: var(--_muted);
    }
    .status {
      min-height: 1.4em;
    }
    .failure {
      color: var(--_danger);
      overflow-wrap: anywhere;
    }
    .visually-hidden {
      ${visuallyHidden}
    }
    .campaign-list,
    .juror-list {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    .campaign-list li,
    .juror {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .campaign-list .open {
      text-align: start;
      overflow-wrap: anywhere;
    }
    .phase {
      border: 1px solid var(--_line);
      border-radius: 999px;
      padding: 2px 10px;
      color: var(--_muted);
    }
    .juror-name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .campaign-form {
      display: grid;
      gap: 12px;
    }
    fieldset {
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 220px), 1fr));
      gap: 8px 12px;
      min-width: 0;
    }
    .field {
      display: grid;
      gap: 4px;
      min-width: 0;
    }
    .field.wide,
    fieldset > .criteria,
    fieldset > .check,
    fieldset > .add-criterion {
      grid-column: 1 / -1;
    }
    .criteria {
      padding: 0;
      list-style: none;
      display: grid;
      gap: 8px;
      margin: 0;
    }
    .criterion {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: end;
    }
    .criterion .field {
      flex: 1 1 160px;
    }
    .criterion .weight {
      flex: 0 1 100px;
    }
    .check {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .check input {
      min-height: 24px;
      width: 24px;
    }
    .actions,
    .invite,
    .link-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: end;
    }
    .juror-link {
      flex: 1 1 240px;
      min-width: 0;
    }
    .where code {
      overflow-wrap: anywhere;
    }
    .table-scroll {
      /* Positioned, so the hidden header text is clipped with the table rather than widening the page. */
      position: relative;
      overflow-x: auto;
      max-width: 100%;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 6px 8px;
      border-bottom: 1px solid var(--_line);
      white-space: nowrap;
    }
    .entry-author {
      white-space: normal;
      overflow-wrap: anywhere;
      font-weight: 600;
    }
    tr.tied .rank {
      font-weight: 700;
    }
    .tie {
      color: var(--_danger);
    }
    .winners li {
      margin: 4px 0;
    }
  `,
];
