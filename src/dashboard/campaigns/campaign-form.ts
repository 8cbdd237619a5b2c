/**
 * The campaign editor's form: rendered from a campaign (or a fresh draft)
 * and read back into the `CampaignInput` the server checks. The server's
 * validation is the only one: its message is what the team sees.
 */
import { html, nothing } from 'lit';
import type { CampaignInput, JuryCriterion } from '../../protocol/campaign.ts';
import type { CampaignsTranslate } from './i18n/index.ts';

const DAY = 24 * 3600_000;
const SCHEDULE = [
  ['entries', 'entriesOpen'],
  ['voting', 'votingOpens'],
  ['judging', 'judgingOpens'],
  ['results', 'resultsShown'],
] as const;

/** A datetime-local value (the team's own clock) of an ISO time, to the minute. */
function localValue(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An ISO time of a datetime-local value; an empty or broken one is passed on for the server to name. */
function isoValue(local: string): string {
  const ms = Date.parse(local);
  return Number.isNaN(ms) ? local : new Date(ms).toISOString();
}

/** A new campaign: entries open this minute, a week for each phase after. */
export function draftCampaign(now = Date.now()): CampaignInput {
  const start = Math.floor(now / 60_000) * 60_000;
  const at = (days: number) => new Date(start + days * DAY).toISOString();
  return {
    name: '',
    template: 'roadster',
    brief: { title: '', text: '', rules: [] },
    terms: { version: '1', licence: '', reward: '' },
    schedule: { entries: at(0), voting: at(7), judging: at(14), results: at(21) },
    hideVotes: false,
    criteria: [
      { id: 'originality', name: 'Originality', weight: 1 },
      { id: 'fit', name: 'Fit to the brief', weight: 1 },
      { id: 'craft', name: 'Craft', weight: 1 },
    ],
    communityWeight: 0.3,
  };
}

/** A criterion id from its name, kept when the criterion had one. */
function criterionId(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'criterion';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const field = (form: HTMLFormElement, name: string) =>
  (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';

/** What the form says, as the server's input; `ids` are the criteria ids the edited campaign had, by row. */
export function readCampaign(form: HTMLFormElement, ids: (string | undefined)[]): CampaignInput {
  const rows = [...form.querySelectorAll<HTMLElement>('.criterion')];
  const taken = new Set(ids.filter((id): id is string => !!id));
  const criteria: JuryCriterion[] = rows.map((row, i) => {
    const name = row.querySelector<HTMLInputElement>('[name="criterion-name"]')!.value.trim();
    const weight = row.querySelector<HTMLInputElement>('[name="criterion-weight"]')!.valueAsNumber;
    return { id: ids[i] ?? criterionId(name, taken), name, weight: Number.isNaN(weight) ? 0 : weight };
  });
  const weight = (form.elements.namedItem('communityWeight') as HTMLInputElement).valueAsNumber;
  const lines = (s: string) =>
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  return {
    name: field(form, 'name').trim(),
    template: field(form, 'template').trim(),
    brief: { title: field(form, 'title').trim(), text: field(form, 'text').trim(), rules: lines(field(form, 'rules')) },
    terms: {
      version: field(form, 'version').trim(),
      licence: field(form, 'licence').trim(),
      reward: field(form, 'reward').trim(),
    },
    schedule: {
      entries: isoValue(field(form, 'entries')),
      voting: isoValue(field(form, 'voting')),
      judging: isoValue(field(form, 'judging')),
      results: isoValue(field(form, 'results')),
    },
    hideVotes: (form.elements.namedItem('hideVotes') as HTMLInputElement).checked,
    criteria,
    communityWeight: Number.isNaN(weight) ? -1 : weight,
  };
}

export interface FormHandlers {
  submit(event: SubmitEvent): void;
  cancel(): void;
  addCriterion(): void;
  removeCriterion(index: number): void;
}

/** The form; `failure` is the server's answer to the last save. */
export function renderCampaignForm(
  c: CampaignInput,
  editing: boolean,
  failure: string,
  busy: boolean,
  on: FormHandlers,
  t: CampaignsTranslate,
) {
  const text = (name: string, label: string, value: string, extra = '') =>
    html`<label class="field ${extra}"><span>${label}</span><input name=${name} .value=${value} /></label>`;
  const area = (name: string, label: string, value: string, hint = '') =>
    html`<label class="field wide"
      ><span>${label}${hint ? html` <small>${hint}</small>` : nothing}</span
      ><textarea name=${name} rows="3" .value=${value}></textarea
    ></label>`;
  return html`<form class="campaign-form" novalidate @submit=${on.submit} aria-labelledby="campaign-form-title">
    <h3 id="campaign-form-title">${editing ? t('formEdit', { name: c.name }) : t('formNew')}</h3>
    ${text('name', t('name'), c.name)} ${text('template', t('template'), c.template)}
    <fieldset>
      <legend>${t('brief')}</legend>
      ${text('title', t('briefTitle'), c.brief.title, 'wide')} ${area('text', t('briefText'), c.brief.text)}
      ${area('rules', t('rules'), c.brief.rules.join('\n'), t('oneALine'))}
    </fieldset>
    <fieldset>
      <legend>${t('terms')}</legend>
      ${text('version', t('version'), c.terms.version)} ${area('licence', t('licence'), c.terms.licence)}
      ${area('reward', t('reward'), c.terms.reward)}
    </fieldset>
    <fieldset>
      <legend>${t('schedule')} <small>${t('yourTimeZone')}</small></legend>
      ${SCHEDULE.map(
        ([key, label]) =>
          html`<label class="field"
            ><span>${t(label)}</span><input type="datetime-local" name=${key} .value=${localValue(c.schedule[key])}
          /></label>`,
      )}
    </fieldset>
    <fieldset>
      <legend>${t('votesAndJury')}</legend>
      <label class="check"
        ><input type="checkbox" name="hideVotes" .checked=${c.hideVotes} /> ${t('hideVotes')}</label
      >
      <label class="field"
        ><span>${t('communityWeight')} <small>${t('communityWeightHint')}</small></span
        ><input type="number" name="communityWeight" min="0" max="1" step="0.05" .value=${String(c.communityWeight)}
      /></label>
      <ol class="criteria">
        ${c.criteria.map(
          (k, i) =>
            html`<li class="criterion">
              <label class="field"
                ><span>${t('criterion', { n: i + 1 })}</span><input name="criterion-name" .value=${k.name}
              /></label>
              <label class="field weight"
                ><span>${t('weight')}</span
                ><input type="number" name="criterion-weight" min="0.1" max="10" step="0.1" .value=${String(k.weight)}
              /></label>
              <button type="button" class="remove-criterion" @click=${() => on.removeCriterion(i)}>
                ${t('remove')}<span class="visually-hidden"> ${t('removeCriterion', { n: i + 1 })}</span>
              </button>
            </li>`,
        )}
      </ol>
      <button type="button" class="add-criterion" @click=${on.addCriterion}>${t('addCriterion')}</button>
    </fieldset>
    ${failure ? html`<p class="failure" role="alert">${failure}</p>` : nothing}
    <div class="actions">
      <button type="submit" class="save" ?disabled=${busy}>${editing ? t('saveChanges') : t('create')}</button>
      <button type="button" class="cancel" @click=${on.cancel}>${t('cancel')}</button>
    </div>
  </form>`;
}
