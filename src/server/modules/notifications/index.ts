// The notifications module's public door.
export { notificationRoutes } from './notifications.routes.js';
export { processNotificationEvents, scanScheduledNotices } from './notifications.consumer.js';
export { deliverDue } from './notifications.deliveries.js';
export { startNotificationWorker } from './notifications.worker.js';
export { HttpChannel, type NotificationChannel } from './notifications.channels.js';
// The person's own data (PIPL access, the privacy module).
export { dropPendingDeliveriesOf, personalDataOf as notificationsPersonalDataOf } from './notifications.personal.js';
