// Queries of service recorded after the fact (the rest of the record's queries are in records.repository.ts).
import type { Executor } from '../../db/transaction.js';

/** A live after-the-fact record of the same person, day and content (a file imported twice), or undefined. */
export function findPastServiceTwin(
  db: Executor,
  districtId: string,
  r: { userId: string; serviceDate: string; content: string },
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('service_records')
    .select('id')
    .where('district_id', '=', districtId)
    .where('user_id', '=', r.userId)
    .where('service_date', '=', r.serviceDate)
    .where('after_the_fact', '=', 1)
    .where('content', '=', r.content)
    .where('status', 'in', ['pending', 'confirmed', 'accepted'])
    .executeTakeFirst();
}
