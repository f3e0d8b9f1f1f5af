// The service map (15分钟服务圈): service points with category, opening hours, a business phone and a WGS-84
// position. Coordinates are integers in 1e-7 degrees (about 1 cm): exact and identical on both databases (no REAL
// rounding differences between SQLite and PostgreSQL), they fit a 32-bit integer and compare cheaply in the
// bounding-box prefilter of "near me", which the (district, status, lat, lng) index serves.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_points')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('hours_note', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('lat_e7', 'integer', (c) => c.notNull())
    .addColumn('lng_e7', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_points_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('service_points_box_ix')
    .on('service_points')
    .columns(['district_id', 'status', 'lat_e7', 'lng_e7'])
    .execute();
  await db.schema
    .createIndex('service_points_community_ix')
    .on('service_points')
    .columns(['district_id', 'community_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('service_points').execute();
}
