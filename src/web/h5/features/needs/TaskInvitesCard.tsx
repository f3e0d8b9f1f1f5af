// 首页's task-invitation entry: shown only to people who have invitations or tasks (TaskInvitesBody decides).
import { TaskInvitesBody } from './TaskInvitesBody';

export function TaskInvitesCard() {
  return <TaskInvitesBody />;
}
