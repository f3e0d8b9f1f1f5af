// Wires config, database, clock and cipher into the Deps every service receives.
import path from 'node:path';
import type { Config } from './config.js';
import { createDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Deps } from './platform/context.js';
import { FieldCipher, loadOrCreateSecret } from './platform/crypto.js';
import { sealClearNames } from './modules/privacy/index.js';

export interface Runtime {
  deps: Deps;
  database: Database;
  close(): Promise<void>;
}

/** Opens the configured database, migrates it and returns ready dependencies. */
export async function openRuntime(config: Config, clock: Clock = systemClock): Promise<Runtime> {
  const database = createDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { file: path.join(config.dataDir, 'linli.db') },
  );
  await migrateToLatest(database.db);
  const cipher = new FieldCipher(loadOrCreateSecret(config.secret, config.dataDir));
  const deps: Deps = { db: database.db, dialect: database.dialect, clock, cipher, config };
  // Contact names still in clear text from before migration 0018 are encrypted now that the key is at hand.
  await sealClearNames(deps);
  return { deps, database, close: () => database.close() };
}
