// The person's own data (PIPL access) held by the care registry: the care records about them (when registered with
// their account) with the visits made to them, and the visits they logged as a visitor.
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Executor } from '../../db/transaction.js';
import * as repo from './care.repository.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const subjects = await repo.subjectsOfUser(db, userId);
  const visitsAbout: repo.VisitRow[] = [];
  for (const s of subjects) visitsAbout.push(...(await repo.visitsOfSubjects(db, s.district_id, [s.id])));
  const logged = await repo.visitsByUser(db, userId);
  // Staff-internal bookkeeping (who registered, alert bookkeeping) is left out.
  const omit = ['created_by', 'alert_day', 'version', 'user_id'];
  return [
    { key: 'care.records', title: '关爱台账', rows: subjects.map((r) => personalRow(deps.cipher, r, omit)) },
    { key: 'care.visitsAboutMe', title: '关爱走访（对我）', rows: visitsAbout.map((r) => personalRow(deps.cipher, r)) },
    { key: 'care.visitsLogged', title: '我的关爱走访', rows: logged.map((r) => personalRow(deps.cipher, r)) },
  ];
}
