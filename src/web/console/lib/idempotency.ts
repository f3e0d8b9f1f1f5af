// Keys that make a points write safe to retry: one home for both apps (shared/idempotency.ts).
export { newIdempotencyKey } from '../../shared/idempotency';
