import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { matchLocale, requestedLocales, type LocaleMatch } from './locale.ts';
import { loadedTranslator, loadTranslator, translator, type Translate } from './translate.ts';

type Host = ReactiveControllerHost & HTMLElement & { locale?: string | null };

/**
 * Keeps a studio's translator in step with where it lives: its `locale`
 * attribute, the page's `lang` (also when the host page switches language
 * later) and the browser's languages. Tables load on demand; until one has
 * arrived the studio speaks English, and `ready` settles once it has.
 */
export class LocaleController implements ReactiveController {
  t: Translate = translator('en');
  /** Settles when the current locale's table is in use (never rejects). */
  ready: Promise<void> = Promise.resolve();

  private readonly host: Host;
  private seen: string | null | undefined;
  private wanted: LocaleMatch | undefined;
  private observer: MutationObserver | undefined;

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // A lang change anywhere in the page is rare and cheap to re-check; observing
    // only the ancestors would miss a host that moves us between containers.
    this.observer = new MutationObserver(() => this.refresh());
    this.observer.observe(this.host.ownerDocument.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
    window.addEventListener('languagechange', this.refresh);
    this.refresh();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    window.removeEventListener('languagechange', this.refresh);
  }

  /** Runs before each render, so a new `locale` attribute is honoured in the same update. */
  hostUpdate(): void {
    if (this.host.locale !== this.seen) this.refresh();
  }

  private refresh = (): void => {
    this.seen = this.host.locale;
    const match = matchLocale(requestedLocales(this.host, this.host.locale));
    if (this.wanted && match.id === this.wanted.id && match.locale === this.wanted.locale) return;
    this.wanted = match;
    const now = loadedTranslator(match);
    if (now) {
      this.use(now);
      this.ready = Promise.resolve();
      return;
    }
    this.ready = loadTranslator(match.locale).then((t) => {
      if (this.wanted === match) this.use(t);
    });
  };

  private use(t: Translate): void {
    if (t === this.t) return;
    this.t = t;
    this.host.requestUpdate();
  }
}
