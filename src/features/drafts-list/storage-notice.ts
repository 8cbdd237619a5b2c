import { html, nothing } from 'lit';
import { Keeper } from '../../bridge/keeper.ts';
import type { Translate } from '../../i18n/translate.ts';
import { icon } from '../../ui/icons.ts';

export interface StorageNoticeProps {
  /** The save status line as the drafts controller has it (Saving…, Saved on this device…). */
  status: string;
  /** This browser's storage is not keeping the design: memory mode, or the last save failed. */
  unstored: boolean;
  /** Why, when a save failed or storage is missing. */
  problem: 'quota' | 'unavailable' | 'failed' | null;
  keeper: Keeper;
  /** The host page that keeps the design (its host name). */
  keeperName: string;
  t: Translate;
  /** A submission reached the brand (perhaps one queued on an earlier visit). */
  delivered?: boolean;
  onBackup(): void;
}

/**
 * Where the customer's design is kept, in plain words: a polite status line
 * always; when this browser will not keep it, either who does (the host
 * page, over the iframe bridge) or an alert that it lives only in this tab,
 * with the backup download right there.
 */
export function renderStorageNotice(p: StorageNoticeProps) {
  const { t } = p;
  const kept = p.unstored && p.keeper === Keeper.Host;
  const status = kept ? t('keeper.host', { host: p.keeperName }) : p.status;
  // While a framed studio waits (a bounded time) for the host page's helper, no alarm yet.
  const waiting = p.keeper === Keeper.Waiting;
  const onlyHere = p.unstored && !kept && !waiting && (p.keeper === Keeper.Tab || p.problem === 'unavailable');
  const problem = p.unstored && !kept && !waiting ? (p.problem ?? 'unavailable') : null;
  return html`<p class="save-state" role="status" aria-live="polite" part="save-state" data-keeper=${p.keeper}
    >${status}</p>
    ${
      problem
        ? html`<div class="warning" role="alert" part="warning" data-problem=${problem} data-keeper=${p.keeper}>
            <span>${onlyHere ? html`<strong>${t('keeper.tab')}</strong> ` : nothing}${t(`save.${problem}`)}</span>
            <button type="button" part="button" data-action="backup" @click=${p.onBackup}>
              ${icon('download')} ${t('drafts.backup')}
            </button>
          </div>`
        : nothing
    }
    ${
      p.delivered
        ? html`<p class="outbox-state" role="status" aria-live="polite" part="outbox-state">${t('submit.sent')}</p>`
        : nothing
    }`;
}
