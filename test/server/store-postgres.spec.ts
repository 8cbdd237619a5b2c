import { describe, it } from 'node:test';
import { PostgresStore } from '../../server/store/postgres.ts';
import { freshDatabase, NO_POSTGRES, postgresUrl } from './pg.ts';
import { storeContract } from './store-contract.ts';

const url = await postgresUrl();
if (url) {
  // Two stores on one database: two connection pools, as two server instances hold them.
  storeContract('PostgreSQL', {
    async open() {
      const db = (await freshDatabase())!;
      const [a, b] = await Promise.all([PostgresStore.open(db.url), PostgresStore.open(db.url)]);
      return {
        a,
        b,
        async close() {
          await Promise.all([a.close(), b.close()]);
          await db.drop();
        },
      };
    },
  });
} else {
  describe('Store contract: PostgreSQL', () => it(NO_POSTGRES, { skip: NO_POSTGRES }, () => {}));
}
