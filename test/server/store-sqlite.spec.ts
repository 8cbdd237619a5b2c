import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { storeContract } from './store-contract.ts';

// Two stores on one file: two connections, as two processes would open it.
storeContract('SQLite', {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'cds-contract-'));
    const file = join(dir, 'co-design.sqlite');
    const a = new SqliteStore(file);
    const b = new SqliteStore(file);
    return {
      a,
      b,
      async close() {
        await a.close();
        await b.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
