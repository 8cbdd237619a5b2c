import { html, nothing } from 'lit';
import type { Translate } from '../../i18n/translate.ts';
import type { TemplateBrief } from '../../template/types.ts';
import { icon } from '../../ui/icons.ts';
import { renderSentShare } from './sent-share.ts';
export { adoptDialogStyles } from '../../ui/dialog.styles.ts';

export const SubmitStep = {
  Form: 'form',
  Sending: 'sending',
  Queued: 'queued',
  Sent: 'sent',
  Failed: 'failed',
} as const;
export type SubmitStep = (typeof SubmitStep)[keyof typeof SubmitStep];

export interface SubmitDialogProps {
  brief: TemplateBrief & { reward?: string };
  previews: Array<{ view: string; name: string; url: string }>;
  author: string;
  accepted: boolean;
  step: SubmitStep;
  /** 0..1 while sending, when the transport knows. */
  progress: number | undefined;
  /** Why the last try failed, or what is missing. */
  message: string;
  t: Translate;
  onAuthor(name: string): void;
  onAccept(accepted: boolean): void;
  onSend(): void;
  onClose(): void;
  /** After "Sent!": the entry's page, to open and share. */
  entry?: { url: string; approved: boolean };
  copied?: '' | 'copied' | 'failed';
  onCopy?(): void;
}

/**
 * The submit dialog: the brief, the rules, the terms and their consent, the
 * author's name, a preview of every view; then sending, queued or sent.
 */
export function renderSubmitDialog(p: SubmitDialogProps) {
  const { t, brief } = p;
  // Nothing can be sent before every view's preview is drawn: the backend wants one per view.
  const busy = p.step === SubmitStep.Sending || p.previews.length === 0;
  return html`<dialog
    class="submit"
    part="dialog submit-dialog"
    aria-labelledby="submit-title"
    @close=${p.onClose}
    @cancel=${p.onClose}
  >
    <div class="dialog-head">
      <h2 id="submit-title">${brief.title}</h2>
      <button
        type="button"
        part="button"
        class="icon-button"
        data-action="close-submit"
        aria-label=${t('action.close')}
        @click=${p.onClose}
      >
        ${icon('close')}
      </button>
    </div>
    <form
      class="submit-form"
      @submit=${(e: Event) => {
        e.preventDefault();
        p.onSend();
      }}
    >
      <p class="brief">${brief.text}</p>
      ${
        brief.rules.length
          ? html`<h3>${t('submit.rules')}</h3>
              <ul class="rules">
                ${brief.rules.map((r) => html`<li>${r}</li>`)}
              </ul>`
          : nothing
      }
      <h3>${t('submit.previews')}</h3>
      <div class="previews">
        ${p.previews.map(
          (v) =>
            html`<figure>
              <img src=${v.url} alt=${t('submit.preview', { view: v.name })} />
              <figcaption>${v.name}</figcaption>
            </figure>`,
        )}
      </div>
      <label class="field author">
        <span>${t('submit.author')}</span>
        <input
          name="author"
          .value=${p.author}
          maxlength="120"
          required
          autocomplete="nickname"
          aria-describedby="author-hint"
          ?disabled=${busy}
          @input=${(e: Event) => p.onAuthor((e.target as HTMLInputElement).value)}
        />
        <small id="author-hint">${t('submit.authorHint')}</small>
      </label>
      <h3>${t('submit.terms')}</h3>
      <p class="terms" id="terms-text">${brief.terms}</p>
      ${
        brief.reward
          ? html`<h3>${t('submit.reward')}</h3>
              <p class="reward">${brief.reward}</p>`
          : nothing
      }
      <label class="consent">
        <input
          type="checkbox"
          name="consent"
          .checked=${p.accepted}
          required
          aria-describedby="terms-text"
          ?disabled=${busy}
          @change=${(e: Event) => p.onAccept((e.target as HTMLInputElement).checked)}
        />
        ${t('submit.accept', { version: brief.termsVersion })}
      </label>
      <p class="submit-status" role="status" aria-live="polite" aria-atomic="true">${status(p)}</p>
      ${
        p.step === SubmitStep.Sent && p.entry
          ? renderSentShare({
              url: p.entry.url,
              approved: p.entry.approved,
              title: brief.title,
              copied: p.copied ?? '',
              t,
              onCopy: () => p.onCopy?.(),
            })
          : nothing
      }
      ${
        p.step === SubmitStep.Sending && p.progress !== undefined
          ? html`<progress max="1" .value=${p.progress} aria-label=${t('submit.progress')}></progress>`
          : nothing
      }
      <div class="dialog-buttons">
        <button type="button" part="button" data-action="cancel-submit" @click=${p.onClose}
          >${p.step === SubmitStep.Sent ? t('action.close') : t('submit.cancel')}</button
        >
        ${
          p.step === SubmitStep.Sent
            ? nothing
            : html`<button type="submit" part="button primary" class="primary" data-action="send" ?disabled=${busy}
                >${t('submit.send')}</button
              >`
        }
      </div>
    </form>
  </dialog>`;
}

function status(p: SubmitDialogProps): string {
  const { t } = p;
  switch (p.step) {
    case SubmitStep.Sending:
      return t('submit.sending');
    case SubmitStep.Queued:
      return t('submit.queued');
    case SubmitStep.Sent:
      return t('submit.sent');
    case SubmitStep.Failed:
      return t('submit.failed', { detail: p.message });
    default:
      return p.message;
  }
}
