/**
 * The parts of one campaign the team works with once it runs: its jurors
 * and the ranking, where it picks the winners in order. Render functions
 * over the element's state; customer text is only ever bound as text.
 */
import { html, nothing } from 'lit';
import type { Juror, JurorInvite, RankedEntry, Ranking } from '../../protocol/jury.ts';

export interface JurorHandlers {
  invite(event: SubmitEvent): void;
  copy(link: string): void;
  revoke(juror: Juror): void;
}

/** `invited`: the last invitation, whose link is shown this once. */
export function renderJurors(jurors: Juror[], invited: (JurorInvite & { url: string }) | undefined, on: JurorHandlers) {
  return html`<section class="jurors" aria-labelledby="jurors-title">
    <h3 id="jurors-title">Jurors</h3>
    <form class="invite" @submit=${on.invite}>
      <label class="field"><span>Juror's name</span><input name="juror" autocomplete="off" /></label>
      <button type="submit">Invite</button>
    </form>
    ${
      invited
        ? html`<div class="invited">
          <p>
            ${invited.name}'s private link (shown only now; anyone with it scores as ${invited.name}):
          </p>
          <p class="link-row">
            <input class="juror-link" readonly aria-label=${`${invited.name}'s private link`} .value=${invited.url} />
            <button type="button" class="copy" @click=${() => on.copy(invited.url)}>Copy the link</button>
          </p>
        </div>`
        : nothing
    }
    ${
      jurors.length === 0
        ? html`<p class="empty">No jurors yet.</p>`
        : html`<ul class="juror-list">
          ${jurors.map(
            (j) =>
              html`<li class="juror" data-id=${j.id}>
                <span class="juror-name">${j.name}</span>
                <span class="scored">${j.scored} scored</span>
                ${
                  j.revoked
                    ? html`<span class="revoked">revoked</span>`
                    : html`<button type="button" class="revoke" @click=${() => on.revoke(j)}>
                      Revoke<span class="visually-hidden"> ${j.name}'s link</span>
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

const fixed = (n: number | null, digits: number) => (n === null ? '–' : n.toFixed(digits));

/** The ranking table, the winners picked so far (design ids, first place first) and the CSV download. */
export function renderRanking(
  ranking: Ranking | undefined,
  picks: string[],
  canPick: boolean,
  saved: boolean,
  on: RankingHandlers,
) {
  if (!ranking) return html`<p class="empty">Loading the ranking…</p>`;
  const byId = new Map(ranking.entries.map((e) => [e.id, e]));
  return html`<section class="ranking" aria-labelledby="ranking-title">
    <h3 id="ranking-title">Ranking</h3>
    <p class="hint">
      Jury ${Math.round((1 - ranking.communityWeight) * 100)} %, community ${Math.round(ranking.communityWeight * 100)}
      %. Tied entries share a rank and are marked “tied”.
    </p>
    ${
      ranking.entries.length === 0
        ? html`<p class="empty">No approved entries yet.</p>`
        : html`<div class="table-scroll" tabindex="0" role="region" aria-label="Ranking table">
          <table>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Entry</th>
                <th scope="col">Votes</th>
                <th scope="col">Jury (1–10)</th>
                <th scope="col">Community</th>
                <th scope="col">Score</th>
                <th scope="col"><span class="visually-hidden">Winner</span></th>
              </tr>
            </thead>
            <tbody>
              ${ranking.entries.map((e) => {
                const place = picks.indexOf(e.id);
                return html`<tr class=${e.tied ? 'tied' : ''} data-id=${e.id}>
                  <td class="rank">${e.rank}${e.tied ? html` <span class="tie">(tied)</span>` : nothing}</td>
                  <th scope="row" class="entry-author">${e.author}</th>
                  <td class="votes">${e.votes}</td>
                  <td class="jury">${fixed(e.jury, 2)} <small>(${e.jurors} jurors)</small></td>
                  <td class="community">${fixed(e.community, 2)}</td>
                  <td class="score">${fixed(e.score, 3)}</td>
                  <td>
                    ${
                      place >= 0
                        ? html`<span class="picked">Place ${place + 1}</span>`
                        : html`<button
                          type="button"
                          class="pick"
                          ?disabled=${!canPick}
                          aria-label=${`Pick ${e.author}'s entry as place ${picks.length + 1}`}
                          @click=${() => on.pick(e)}
                        >
                          Pick
                        </button>`
                    }
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>`
    }
    <h4>Winners</h4>
    ${canPick ? nothing : html`<p class="hint">Winners are picked from the judging phase on.</p>`}
    <ol class="winners">
      ${picks.map(
        (id, i) =>
          html`<li data-id=${id}>
            <span class="winner-author">${byId.get(id)?.author ?? id}</span>
            <button type="button" class="unpick" @click=${() => on.unpick(id)}>
              Remove<span class="visually-hidden"> place ${i + 1}</span>
            </button>
          </li>`,
      )}
    </ol>
    <div class="actions">
      <button type="button" class="save-winners" ?disabled=${!canPick || saved} @click=${on.save}>
        ${saved ? 'Winners saved' : 'Save the winners'}
      </button>
      <button type="button" class="download" @click=${on.download}>Download CSV</button>
    </div>
  </section>`;
}
