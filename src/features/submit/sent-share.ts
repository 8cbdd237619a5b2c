import { html, nothing } from 'lit';
import type { Translate } from '../../i18n/translate.ts';
import type { DeliveryReceipt } from '../../protocol/submission.ts';
import { canWebShare, shareLinks, type ShareTarget } from '../../share/links.ts';

/**
 * The entry's public page from a delivery's receipt (`shareUrl`, a path on
 * the endpoint's host or an absolute URL), or undefined. The receipt comes
 * from a backend: only an http(s) URL is ever shown as a link.
 */
export function entryUrl(receipt: DeliveryReceipt | undefined, endpoint: string | undefined): string | undefined {
  const raw = receipt?.shareUrl;
  if (typeof raw !== 'string' || raw.length > 2048) return undefined;
  try {
    const url = new URL(raw, new URL(endpoint ?? '', location.href));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export interface SentShareProps {
  url: string;
  /** The receipt's status: a pending entry's page opens only once the team approves it. */
  approved: boolean;
  /** The campaign's or template's brief title, said with the link. */
  title: string;
  /** What "Copy link" did, for the dialog's status line; empty before. */
  copied: '' | 'copied' | 'failed';
  t: Translate;
  onCopy(): void;
}

const TARGET_KEY = {
  email: 'share.email',
  x: 'share.x',
  facebook: 'share.facebook',
  whatsapp: 'share.whatsapp',
} as const satisfies Record<ShareTarget, string>;

/** After "Sent!": the link to the entry and a next step, sharing it. */
export function renderSentShare(p: SentShareProps) {
  const { t } = p;
  const text = t('share.text', { title: p.title });
  return html`<section class="sent-share" aria-labelledby="sent-share-title">
    <h3 id="sent-share-title">${t('share.title')}</h3>
    <p>
      ${p.approved ? t('share.entryLink') : t('share.entryLinkPending')}
      <a class="entry-link" href=${p.url} target="_blank" rel="noopener">${p.url}</a>
    </p>
    <div class="share-buttons">
      ${
        canWebShare(p.url)
          ? html`<button
              type="button"
              part="button primary"
              class="primary"
              data-action="share"
              @click=${() => navigator.share({ title: text, text, url: p.url }).catch(() => undefined)}
            >
              ${t('share.share')}
            </button>`
          : nothing
      }
      ${
        navigator.clipboard
          ? html`<button type="button" part="button" data-action="copy-link" @click=${p.onCopy}>
              ${t('share.copy')}
            </button>`
          : nothing
      }
      <span class="copied" role="status">${
        p.copied === 'copied' ? t('share.copied') : p.copied === 'failed' ? t('share.copyFailed') : ''
      }</span>
    </div>
    <ul class="share-links" aria-label=${t('share.links')}>
      ${shareLinks(p.url, text).map(
        (link) =>
          html`<li>
            <a href=${link.href} target="_blank" rel="noopener noreferrer" data-target=${link.target}
              >${t(TARGET_KEY[link.target])}</a
            >
          </li>`,
      )}
    </ul>
  </section>`;
}
