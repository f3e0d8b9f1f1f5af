// Resources (资源清单), projects (项目清单) with their bundled needs, resources, claims (认领) and generated
// activities, and the suggestion box (意见箱).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resources')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('provider_kind', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text')
    .addColumn('provider_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer')
    .addColumn('unit', 'text')
    .addColumn('amount_fen', 'integer')
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('available_from', 'text')
    .addColumn('available_to', 'text')
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resources_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('resources_community_ix')
    .on('resources')
    .columns(['district_id', 'community_id'])
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('budget_fen', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('claimed_unit_id', 'text')
    .addColumn('claimed_unit_name', 'text')
    .addColumn('claim_id', 'text')
    .addColumn('suggestion_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('projects_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('projects_community_ix')
    .on('projects')
    .columns(['district_id', 'community_id'])
    .execute();

  await db.schema
    .createTable('project_needs')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('need_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_needs_pk', ['district_id', 'project_id', 'need_id'])
    // A need is bundled into one project at most.
    .addUniqueConstraint('project_needs_need_uq', ['district_id', 'need_id'])
    .execute();

  await db.schema
    .createTable('project_resources')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_resources_pk', ['district_id', 'project_id', 'resource_id'])
    .execute();

  await db.schema
    .createTable('project_claims')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('partner_unit_id', 'text', (c) => c.notNull())
    .addColumn('partner_unit_name', 'text', (c) => c.notNull())
    .addColumn('claimant_user_id', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The unit's id while the claim is live (pending or approved), null after: one live claim per unit and project.
    .addColumn('live_unit_id', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_claims_pk', ['district_id', 'id'])
    .addUniqueConstraint('project_claims_live_uq', ['district_id', 'project_id', 'live_unit_id'])
    .execute();
  await db.schema
    .createIndex('project_claims_project_ix')
    .on('project_claims')
    .columns(['district_id', 'project_id'])
    .execute();

  await db.schema
    .createTable('project_activities')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_activities_pk', ['district_id', 'project_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('suggestions')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('author_name_masked', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('need_id', 'text')
    .addColumn('project_id', 'text')
    .addColumn('convert_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('suggestions_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('suggestions_community_ix')
    .on('suggestions')
    .columns(['district_id', 'community_id', 'status'])
    .execute();
  await db.schema.createIndex('suggestions_user_ix').on('suggestions').columns(['user_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
