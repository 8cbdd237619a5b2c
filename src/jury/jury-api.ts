/** The jury's calls: the key from the private link rides in a `Juror-Key` header, never in a URL. */
import { apiUrl, requestJson } from '../gallery/api.ts';
import type { CriterionScore, JuryView } from '../protocol/jury.ts';

/** The key of a private link's fragment (`#key=…`), or undefined. */
export function keyFromHash(hash: string): string | undefined {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('key');
  return key && /^[A-Za-z0-9_-]{32}$/.test(key) ? key : undefined;
}

export function loadJury(endpoint: string, key: string): Promise<JuryView> {
  return requestJson<JuryView>(apiUrl(endpoint, '/jury'), { headers: { 'Juror-Key': key } }).then((r) => r.body);
}

export function saveScores(endpoint: string, key: string, entry: string, scores: CriterionScore[]): Promise<unknown> {
  return requestJson(apiUrl(endpoint, `/jury/entries/${encodeURIComponent(entry)}`), {
    method: 'PUT',
    headers: { 'Juror-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify({ scores }),
  });
}
