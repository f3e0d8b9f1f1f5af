// What the certificate needs to know of star levels. The recognition module (above records: it reads accepted minutes
// and consumes their events) decides which level a person holds after publicity (公示); records may not import it, so
// they declare this port and app.ts fills it with recognition's effectiveStarLevel.
import type { Executor } from '../../db/transaction.js';
import { definePort } from '../../platform/port.js';

export interface StarFacts {
  /** The star level the person holds in the district (0 when none has taken effect). */
  effectiveLevel(db: Executor, districtId: string, userId: string): Promise<number>;
}

export const starFacts = definePort<StarFacts>('starFacts');
