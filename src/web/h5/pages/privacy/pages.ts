// The 个人信息 route group (the person's own data and closing their account), loaded on first use: see App.tsx.
export { PrivacyPage } from './PrivacyPage';
