import { html, nothing } from 'lit';
import { canWebShare, shareLinks, type ShareTarget } from '../share/links.ts';
import type { GalleryTranslate } from './i18n/index.ts';

/** The services' own names, the same in every language; email is said in the gallery's. */
const TARGET_TEXT: Record<Exclude<ShareTarget, 'email'>, string> = {
  x: 'X',
  facebook: 'Facebook',
  whatsapp: 'WhatsApp',
};

export interface ShareControl {
  /** The design's page, absolute. */
  url: string;
  /** Whose design, for the names of the controls and the text shared with the link. */
  author: string;
  /** Something to say in the gallery's live region (copied, or not). */
  announce(text: string): void;
  t: GalleryTranslate;
}

/**
 * A card's share control: the system share sheet where the browser has one
 * (phones, Safari, Chromium on Windows and macOS); elsewhere a disclosure
 * with the design's page, "Copy link" and plain links to share forms.
 */
export function renderShare(c: ShareControl) {
  const { t } = c;
  const text = t('shareText', { author: c.author });
  const whose = t('shareWhose', { author: c.author });
  if (canWebShare(c.url))
    return html`<button
      type="button"
      class="share"
      aria-label=${whose}
      @click=${() => navigator.share({ title: text, url: c.url }).catch(() => undefined)}
    >
      ${t('shareSheet')}
    </button>`;
  const copy = () =>
    navigator.clipboard.writeText(c.url).then(
      () => c.announce(t('copied', { author: c.author })),
      () => c.announce(t('copyFailed')),
    );
  return html`<details class="share">
    <summary aria-label=${whose}>${t('share')}</summary>
    <ul>
      <li><a href=${c.url}>${t('itsPage')}</a></li>
      ${
        navigator.clipboard
          ? html`<li><button type="button" class="copy" @click=${copy}>${t('copy')}</button></li>`
          : nothing
      }
      ${shareLinks(c.url, text).map(
        (link) =>
          html`<li>
            <a href=${link.href} target="_blank" rel="noopener noreferrer" data-target=${link.target}
              >${link.target === 'email' ? t('email') : TARGET_TEXT[link.target]}</a
            >
          </li>`,
      )}
    </ul>
  </details>`;
}
