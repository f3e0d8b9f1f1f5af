// UI strings of the task invitations in the resident H5 (任务邀请: answer, start, finish) and the requester's
// confirmation that the help was done. Merged into i18n.ts (Chinese) and i18n.en.ts (English); the English half is
// typed against the Chinese keys.

export const matchingZh = {
  'home.tasks': '任务邀请',
  'home.tasksPending': '{n} 条邀请等您答复',
  'home.tasksActive': '{n} 项任务进行中',
  'tasks.needDone': '已完成',
};

export const matchingEn: Record<keyof typeof matchingZh, string> = {
  'home.tasks': 'Task invitations',
  'home.tasksPending': '{n} invitations waiting for you',
  'home.tasksActive': '{n} tasks in progress',
  'tasks.needDone': 'Done',
};
