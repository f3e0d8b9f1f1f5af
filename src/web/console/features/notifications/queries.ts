// The notification queries are the same in both apps: see shared/notificationQueries.ts.
export * from '../../../shared/notificationQueries';
