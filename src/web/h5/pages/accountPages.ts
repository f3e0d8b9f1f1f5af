// The "me" route group (profile, password, my sign-ups, my hours), loaded on first use (its own chunk): see App.tsx.
export { MyHoursPage } from './MyHoursPage';
export { MySignupsPage } from './MySignupsPage';
export { PasswordPage } from './PasswordPage';
export { ProfilePage } from './ProfilePage';
