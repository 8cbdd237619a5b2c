/**
 * The API specs again, each server over a fresh PostgreSQL database of its
 * own: the same routes, answers and checks as on SQLite. The specs are
 * imported after the store is chosen, so their suites register here.
 */
import { describe, it } from 'node:test';
import { NO_POSTGRES, postgresUrl } from './pg.ts';
import { useStore } from './support.ts';

if (await postgresUrl()) {
  useStore('postgres');
  await import('./designs.spec.ts');
  await import('./gallery.spec.ts');
  await import('./metrics.spec.ts');
  await import('./privacy.spec.ts');
  await import('./campaigns.spec.ts');
  await import('./jury.spec.ts');
  await import('./originality.spec.ts');
  await import('./production.spec.ts');
  await import('./share-vote.spec.ts');
} else {
  describe('the API on PostgreSQL', () => it(NO_POSTGRES, { skip: NO_POSTGRES }, () => {}));
}
