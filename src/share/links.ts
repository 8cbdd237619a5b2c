/**
 * Plain share links for browsers without the Web Share API (desktop Firefox,
 * Chromium on Linux): each one an ordinary link to a service's own share
 * form, so nothing of ours runs on the service's side and nothing is loaded
 * from it until the visitor clicks. Shared by the gallery, the studio's
 * "Sent!" step and the server-rendered share page.
 */

export const ShareTarget = { Email: 'email', X: 'x', Facebook: 'facebook', WhatsApp: 'whatsapp' } as const;
export type ShareTarget = (typeof ShareTarget)[keyof typeof ShareTarget];

export interface ShareLink {
  target: ShareTarget;
  href: string;
}

/** `url`: the absolute URL to share; `text`: one line said with it. */
export function shareLinks(url: string, text: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const both = encodeURIComponent(`${text} ${url}`);
  return [
    { target: ShareTarget.Email, href: `mailto:?subject=${encodeURIComponent(text)}&body=${u}` },
    { target: ShareTarget.X, href: `https://x.com/intent/post?text=${encodeURIComponent(text)}&url=${u}` },
    { target: ShareTarget.Facebook, href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { target: ShareTarget.WhatsApp, href: `https://wa.me/?text=${both}` },
  ];
}

/** Whether this browser can hand a link to the system's share sheet. */
export function canWebShare(url: string): boolean {
  return (
    typeof navigator !== 'undefined' && typeof navigator.share === 'function' && (navigator.canShare?.({ url }) ?? true)
  );
}
