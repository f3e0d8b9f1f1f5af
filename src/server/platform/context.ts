// What every service receives: the database, the clock and the field cipher — nothing from the web framework.
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Dialect } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Clock } from './clock.js';
import type { FieldCipher } from './crypto.js';

export interface Deps {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  cipher: FieldCipher;
  config: Config;
}
