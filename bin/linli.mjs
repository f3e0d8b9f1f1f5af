#!/usr/bin/env node
// linli CLI: runs the TypeScript entry through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/main.ts');
