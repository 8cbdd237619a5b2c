import { html, nothing } from 'lit';
import { canWebShare, shareLinks, type ShareTarget } from '../share/links.ts';

const TARGET_TEXT: Record<ShareTarget, string> = { email: 'Email', x: 'X', facebook: 'Facebook', whatsapp: 'WhatsApp' };

export interface ShareControl {
  /** The design's page, absolute. */
  url: string;
  /** Whose design, for the names of the controls and the text shared with the link. */
  author: string;
  /** Something to say in the gallery's live region (copied, or not). */
  announce(text: string): void;
}

/**
 * A card's share control: the system share sheet where the browser has one
 * (phones, Safari, Chromium on Windows and macOS); elsewhere a disclosure
 * with the design's page, "Copy link" and plain links to share forms.
 */
export function renderShare(c: ShareControl) {
  const text = `${c.author}'s design`;
  if (canWebShare(c.url))
    return html`<button
      type="button"
      class="share"
      aria-label=${`Share ${c.author}'s design`}
      @click=${() => navigator.share({ title: text, url: c.url }).catch(() => undefined)}
    >
      Share…
    </button>`;
  const copy = () =>
    navigator.clipboard.writeText(c.url).then(
      () => c.announce(`The link to ${c.author}'s design is copied.`),
      () => c.announce('The link could not be copied: use “Its page” and copy the address.'),
    );
  return html`<details class="share">
    <summary aria-label=${`Share ${c.author}'s design`}>Share</summary>
    <ul>
      <li><a href=${c.url}>Its page</a></li>
      ${
        navigator.clipboard
          ? html`<li><button type="button" class="copy" @click=${copy}>Copy link</button></li>`
          : nothing
      }
      ${shareLinks(c.url, text).map(
        (link) =>
          html`<li>
            <a href=${link.href} target="_blank" rel="noopener noreferrer" data-target=${link.target}
              >${TARGET_TEXT[link.target]}</a
            >
          </li>`,
      )}
    </ul>
  </details>`;
}
