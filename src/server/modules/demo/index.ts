// The demo module's public door.
export { DEMO_ACCOUNTS, DEMO_DISTRICT, isEmpty, seedDemo } from './demo.seed.js';
