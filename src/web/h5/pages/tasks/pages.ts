// The task-invitation route group, loaded on first use (its own chunk): see App.tsx.
export { TaskInboxPage } from './TaskInboxPage';
