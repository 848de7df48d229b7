import path from 'node:path';
import { PROJECT_DIR } from './paths';

/** The demo logins (INTERFACES.md), one per role, made by the first `npm start` of the e2e database. */
export const ROLES = ['manager', 'ops', 'support', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const DEMO_PASSWORD = 'demo-password';
export const demoEmail = (role: Role) => `${role}@demo.test`;

/** Where the setup project of a role saves its signed-in browser state (gitignored). */
export const authFile = (role: Role) => path.join(PROJECT_DIR, 'e2e', '.auth', `${role}.json`);
