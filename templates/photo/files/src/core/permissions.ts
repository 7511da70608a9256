import { AppError } from './errors.js';

/*
 * Role-based access control (RBAC), as in Albumy: a user has one role, a role has permissions, and code asks for
 * a permission, never for a role ("may this user comment?", not "is this a moderator?"), so that changing what a
 * role may do is one line here. Albumy keeps roles and permissions in tables; here they are code, reviewed and
 * tested like code (tests/unit/permissions.test.ts checks the whole matrix).
 */

export const permissions = ['FOLLOW', 'COLLECT', 'COMMENT', 'UPLOAD', 'MODERATE', 'ADMINISTER'] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['locked', 'user', 'moderator', 'administrator'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  locked: 'Locked',
  user: 'User',
  moderator: 'Moderator',
  administrator: 'Administrator',
};

/** What each role may do: a locked user can still follow and collect, but not upload or comment. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  locked: ['FOLLOW', 'COLLECT'],
  user: ['FOLLOW', 'COLLECT', 'COMMENT', 'UPLOAD'],
  moderator: ['FOLLOW', 'COLLECT', 'COMMENT', 'UPLOAD', 'MODERATE'],
  administrator: ['FOLLOW', 'COLLECT', 'COMMENT', 'UPLOAD', 'MODERATE', 'ADMINISTER'],
};

/** The parts of a user that decide what they may do. */
export interface Actor {
  id: number;
  role: Role;
  confirmed: boolean;
  active: boolean;
}

/** Everything but moderating and administering needs a confirmed e-mail address first. */
const needsConfirmation: ReadonlySet<Permission> = new Set(['FOLLOW', 'COLLECT', 'COMMENT', 'UPLOAD']);

/** The one permission check: routes use it to show or hide a button, services to allow or refuse the action. */
export function can(actor: Actor | undefined, permission: Permission): boolean {
  if (!actor?.active) return false;
  if (needsConfirmation.has(permission) && !actor.confirmed) return false;
  return rolePermissions[actor.role].includes(permission);
}

/** Throws the error a user sees when they may not do this (401 when nobody is logged in). */
export function requirePermission(actor: Actor | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('unauthorized', 'Log in first.');
  if (can(actor, permission)) return;
  if (!actor.active) throw new AppError('forbidden', 'This account is blocked.');
  if (needsConfirmation.has(permission) && !actor.confirmed)
    throw new AppError('forbidden', 'Confirm your e-mail address first: we sent you a link.');
  if (actor.role === 'locked') throw new AppError('forbidden', 'Your account is locked: you cannot do this.');
  throw new AppError('forbidden', 'You are not allowed to do this.');
}

/** The author may change their own things; a moderator may change anyone's. */
export function canChange(actor: Actor | undefined, ownerId: number): boolean {
  if (!actor?.active) return false;
  return actor.id === ownerId || can(actor, 'MODERATE');
}

export function requireChange(actor: Actor | undefined, ownerId: number, what: string): asserts actor is Actor {
  if (!actor) throw new AppError('unauthorized', 'Log in first.');
  if (!canChange(actor, ownerId)) throw new AppError('forbidden', `You may not change ${what}.`);
}
