/**
 * The parts of one campaign the team works with once it runs: its jurors
 * and the ranking, where it picks the winners in order. Render functions
 * over the element's state; customer text is only ever bound as text.
 */
import { html, nothing } from 'lit';
import type { Juror, JurorInvite, RankedEntry, Ranking } from '../../protocol/jury.ts';
import type { CampaignsTranslate } from './i18n/index.ts';

export interface JurorHandlers {
  invite(event: SubmitEvent): void;
  copy(link: string): void;
  revoke(juror: Juror): void;
}

/** `invited`: the last invitation, whose link is shown this once. */
export function renderJurors(
  jurors: Juror[],
  invited: (JurorInvite & { url: string }) | undefined,
  on: JurorHandlers,
  t: CampaignsTranslate,
) {
  return html`<section class="jurors" aria-labelledby="jurors-title">
    <h3 id="jurors-title">${t('jurors')}</h3>
    <form class="invite" @submit=${on.invite}>
      <label class="field"><span>${t('jurorName')}</span><input name="juror" autocomplete="off" /></label>
      <button type="submit">${t('invite')}</button>
    </form>
    ${
      invited
        ? html`<div class="invited">
          <p>
            ${t('privateLink', { name: invited.name })}
          </p>
          <p class="link-row">
            <input
              class="juror-link"
              readonly
              aria-label=${t('privateLinkLabel', { name: invited.name })}
              .value=${invited.url}
            />
            <button type="button" class="copy" @click=${() => on.copy(invited.url)}>${t('copyLink')}</button>
          </p>
        </div>`
        : nothing
    }
    ${
      jurors.length === 0
        ? html`<p class="empty">${t('noJurors')}</p>`
        : html`<ul class="juror-list">
          ${jurors.map(
            (j) =>
              html`<li class="juror" data-id=${j.id}>
                <span class="juror-name">${j.name}</span>
                <span class="scored">${t('scored', { count: j.scored })}</span>
                ${
                  j.revoked
                    ? html`<span class="revoked">${t('revoked')}</span>`
                    : html`<button type="button" class="revoke" @click=${() => on.revoke(j)}>
                      ${t('revoke')}<span class="visually-hidden"> ${t('revokeWhose', { name: j.name })}</span>
                    </button>`
                }
              </li>`,
          )}
        </ul>`
    }
  </section>`;
}

export interface RankingHandlers {
  pick(entry: RankedEntry): void;
  unpick(id: string): void;
  save(): void;
  download(): void;
}

/** The ranking table, the winners picked so far (design ids, first place first) and the CSV download. */
export function renderRanking(
  ranking: Ranking | undefined,
  picks: string[],
  canPick: boolean,
  saved: boolean,
  on: RankingHandlers,
  t: CampaignsTranslate,
) {
  if (!ranking) return html`<p class="empty">${t('rankingLoading')}</p>`;
  const byId = new Map(ranking.entries.map((e) => [e.id, e]));
  return html`<section class="ranking" aria-labelledby="ranking-title">
    <h3 id="ranking-title">${t('ranking')}</h3>
    <p class="hint">
      ${t('weights', {
        jury: Math.round((1 - ranking.communityWeight) * 100),
        community: Math.round(ranking.communityWeight * 100),
      })}
    </p>
    ${
      ranking.entries.length === 0
        ? html`<p class="empty">${t('noEntries')}</p>`
        : html`<div class="table-scroll" tabindex="0" role="region" aria-label=${t('rankingTable')}>
          <table>
            <thead>
              <tr>
                <th scope="col">${t('rank')}</th>
                <th scope="col">${t('entry')}</th>
                <th scope="col">${t('votes')}</th>
                <th scope="col">${t('jury')}</th>
                <th scope="col">${t('community')}</th>
                <th scope="col">${t('score')}</th>
                <th scope="col"><span class="visually-hidden">${t('winner')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${ranking.entries.map((e) => {
                const place = picks.indexOf(e.id);
                return html`<tr class=${e.tied ? 'tied' : ''} data-id=${e.id}>
                  <td class="rank">${e.rank}${e.tied ? html` <span class="tie">${t('tied')}</span>` : nothing}</td>
                  <th scope="row" class="entry-author">${e.author}</th>
                  <td class="votes">${e.votes}</td>
                  <td class="jury">${t.fixed(e.jury, 2)} <small>${t('jurorsCount', { count: e.jurors })}</small></td>
                  <td class="community">${t.fixed(e.community, 2)}</td>
                  <td class="score">${t.fixed(e.score, 3)}</td>
                  <td>
                    ${
                      place >= 0
                        ? html`<span class="picked">${t('place', { n: place + 1 })}</span>`
                        : html`<button
                          type="button"
                          class="pick"
                          ?disabled=${!canPick}
                          aria-label=${t('pickLabel', { author: e.author, n: picks.length + 1 })}
                          @click=${() => on.pick(e)}
                        >
                          ${t('pick')}
                        </button>`
                    }
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>`
    }
    <h4>${t('winners')}</h4>
    ${canPick ? nothing : html`<p class="hint">${t('pickFrom')}</p>`}
    <ol class="winners">
      ${picks.map(
        (id, i) =>
          html`<li data-id=${id}>
            <span class="winner-author">${byId.get(id)?.author ?? id}</span>
            <button type="button" class="unpick" @click=${() => on.unpick(id)}>
              ${t('remove')}<span class="visually-hidden"> ${t('removePlace', { n: i + 1 })}</span>
            </button>
          </li>`,
      )}
    </ol>
    <div class="actions">
      <button type="button" class="save-winners" ?disabled=${!canPick || saved} @click=${on.save}>
        ${saved ? t('winnersAreSaved') : t('saveWinners')}
      </button>
      <button type="button" class="download" @click=${on.download}>${t('downloadCsv')}</button>
    </div>
  </section>`;
}
