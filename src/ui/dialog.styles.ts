import { css, type CSSResult } from 'lit';

/**
 * The drafts and submit dialogs' styles. They travel with the dialogs' lazy
 * chunk and are adopted into the studio's shadow root when it first loads
 * (constructable stylesheets, so a strict style-src CSP is fine).
 */
export const dialogStyles: CSSResult = css`
  dialog.drafts,
  dialog.submit {
    width: min(560px, calc(100% - 24px));
    max-height: calc(100% - 24px);
    padding: 0;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    color: var(--_fg);
    background: var(--_bg);
  }
  dialog.drafts::backdrop,
  dialog.submit::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  .dialog-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 8px 12px;
    border-bottom: 1px solid var(--_line);
  }
  .dialog-head h2 {
    margin: 0;
    font-size: 16px;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    padding: 8px 12px;
  }
  .submit-form {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 8px 12px 12px;
  }
  .submit-form h3 {
    margin: 4px 0 0;
    font-size: 14px;
  }
  .submit-form p,
  .submit-form ul {
    margin: 0;
  }
  .previews {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .previews figure {
    margin: 0;
    width: 160px;
  }
  .previews img {
    width: 100%;
    background: var(--_stage);
    border-radius: 4px;
  }
  .terms {
    max-height: 8em;
    overflow: auto;
    padding: 6px;
    border: 1px solid var(--_line);
    border-radius: 4px;
    font-size: 13px;
  }
  .consent {
    display: flex;
    gap: 8px;
    align-items: flex-start;
  }
  .dialog-buttons {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
  }
  button.primary {
    color: var(--_accent-fg);
    background: var(--_accent);
  }
  .drafts .empty {
    margin: 0;
    padding: 0 12px 12px;
    color: var(--_muted);
  }
  .draft-list {
    list-style: none;
    margin: 0;
    padding: 0 12px 12px;
  }
  .draft {
    display: flex;
    gap: 10px;
    align-items: center;
    padding: 8px 0;
    border-top: 1px solid var(--_line);
  }
  .draft.current .draft-name {
    font-weight: 600;
  }
  .thumb {
    flex: none;
    width: 80px;
    height: 60px;
    object-fit: contain;
    background: var(--_stage);
    border-radius: 4px;
  }
  .draft-info {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .draft-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .draft-date {
    color: var(--_muted);
    font-size: 12px;
  }
  .draft-actions,
  .confirm,
  .rename {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    align-items: center;
  }
  /* After "Sent!": the entry's link (long: it wraps anywhere) and the ways to share it. */
  .sent-share .entry-link {
    overflow-wrap: anywhere;
  }
  .sent-share .share-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .sent-share .share-links {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    list-style: none;
    padding: 0;
  }
  .sent-share .share-links a {
    display: inline-block;
    padding: 10px 0;
  }
`;

export function adoptDialogStyles(root: ShadowRoot | null): void {
  const sheet = dialogStyles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
