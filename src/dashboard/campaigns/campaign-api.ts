/**
 * The campaign team's calls (docs/campaigns.md), made with the admin token:
 * campaigns, phases, jurors, the ranking, winners and the CSV export.
 */
import { apiUrl, requestJson } from '../../gallery/api.ts';
import type { CampaignAdmin, CampaignInput, CampaignList, CampaignPhase } from '../../protocol/campaign.ts';
import type { Juror, JurorInvite, JurorList, Ranking } from '../../protocol/jury.ts';
import { bearer, type AdminApi } from '../admin-api.ts';

const path = (id: string, rest = '') => `/campaigns/${encodeURIComponent(id)}${rest}`;

export class CampaignApi {
  constructor(private readonly admin: AdminApi) {}

  get endpoint(): string {
    return this.admin.endpoint;
  }

  private call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, ...bearer(this.admin.token) };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    }
    return requestJson<T>(apiUrl(this.admin.endpoint, route), init).then((r) => r.body);
  }

  list(): Promise<CampaignList> {
    return this.call('GET', '/campaigns');
  }

  get(id: string): Promise<CampaignAdmin> {
    return this.call('GET', path(id));
  }

  create(input: CampaignInput): Promise<CampaignAdmin> {
    return this.call('POST', '/campaigns', input);
  }

  update(id: string, input: CampaignInput): Promise<CampaignAdmin> {
    return this.call('PUT', path(id), input);
  }

  /** `from`: the phase the team saw, so a double click moves one step and not two. */
  advance(id: string, from: CampaignPhase): Promise<CampaignAdmin> {
    return this.call('POST', path(id, '/advance'), { from });
  }

  jurors(id: string): Promise<JurorList> {
    return this.call('GET', path(id, '/jurors'));
  }

  invite(id: string, name: string): Promise<JurorInvite> {
    return this.call('POST', path(id, '/jurors'), { name });
  }

  revoke(id: string, juror: string): Promise<Juror> {
    return this.call('POST', path(id, `/jurors/${encodeURIComponent(juror)}/revoke`), {});
  }

  ranking(id: string): Promise<Ranking> {
    return this.call('GET', path(id, '/ranking'));
  }

  saveWinners(id: string, winners: string[]): Promise<Ranking> {
    return this.call('PUT', path(id, '/winners'), { winners });
  }

  /** The CSV of every entry, as a blob to save (a link cannot send the token). */
  async csv(id: string): Promise<Blob> {
    const response = await fetch(apiUrl(this.admin.endpoint, path(id, '/entries.csv')), bearer(this.admin.token));
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw body && typeof body.code === 'string'
        ? body
        : { code: `http-${response.status}`, message: response.statusText };
    }
    return response.blob();
  }

  /** An absolute URL of a link the API answers with (`/jury#key=…`), on the API's origin. */
  absolute(link: string): string {
    return new URL(link, new URL(this.admin.endpoint, location.href)).href;
  }
}
