// 首页's task-invitation entry, loaded in its own chunk after the page: most residents have no invitations, and the
// first-load bundle stays within its budget.
import { lazy, Suspense } from 'react';

const Body = lazy(() => import('./TaskInvitesBody').then((m) => ({ default: m.TaskInvitesBody })));

export function TaskInvitesCard() {
  return (
    <Suspense fallback={null}>
      <Body />
    </Suspense>
  );
}
