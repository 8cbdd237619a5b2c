import { css } from 'lit';

/** The save status line, the storage warning and the drafts dialog. */
export const draftsStyles = css`
  .save-state {
    margin: 0;
    padding: 0 10px;
    color: var(--_muted);
    font-size: 12px;
    white-space: nowrap;
  }
  .warning {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 6px 10px;
    color: var(--co-design-warning-text, #3d2a00);
    background: var(--co-design-warning, #ffe08a);
  }
`;
