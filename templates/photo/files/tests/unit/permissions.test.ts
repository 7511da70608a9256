import { describe, expect, it } from 'vitest';
import {
  type Actor,
  can,
  canChange,
  type Permission,
  permissions,
  type Role,
  requirePermission,
} from '../../src/core/permissions.js';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  id: 1,
  role,
  confirmed: true,
  active: true,
  ...extra,
});

// Every role against every permission: exactly what it should have, nothing more.
const matrix: Record<Role, Permission[]> = {
  locked: ['FOLLOW', 'COLLECT'],
  user: ['FOLLOW', 'COLLECT', 'COMMENT', 'UPLOAD'],
  moderator: ['FOLLOW', 'COLLECT', 'COMMENT', 'UPLOAD', 'MODERATE'],
  administrator: ['FOLLOW', 'COLLECT', 'COMMENT', 'UPLOAD', 'MODERATE', 'ADMINISTER'],
};

describe('the permission check', () => {
  for (const [role, allowed] of Object.entries(matrix) as [Role, Permission[]][]) {
    it.each(permissions)(`${role}: %s`, (permission) => {
      expect(can(actor(role), permission)).toBe(allowed.includes(permission));
    });
  }

  it('gives nothing to visitors and blocked accounts', () => {
    for (const permission of permissions) {
      expect(can(undefined, permission)).toBe(false);
      expect(can(actor('administrator', { active: false }), permission)).toBe(false);
    }
  });

  it('lets an unconfirmed user do nothing of FOLLOW, COLLECT, COMMENT, UPLOAD', () => {
    const unconfirmed = actor('user', { confirmed: false });
    for (const permission of ['FOLLOW', 'COLLECT', 'COMMENT', 'UPLOAD'] as const)
      expect(can(unconfirmed, permission)).toBe(false);
    expect(() => requirePermission(unconfirmed, 'UPLOAD')).toThrow('Confirm your e-mail address');
  });

  it('explains a refusal', () => {
    expect(() => requirePermission(undefined, 'COMMENT')).toThrow('Log in first');
    expect(() => requirePermission(actor('locked'), 'UPLOAD')).toThrow('locked');
    expect(() => requirePermission(actor('user'), 'MODERATE')).toThrow('not allowed');
    expect(() => requirePermission(actor('user', { active: false }), 'FOLLOW')).toThrow('blocked');
  });

  it('lets authors change their own things and moderators anyone’s', () => {
    expect(canChange(actor('user'), 1)).toBe(true);
    expect(canChange(actor('user'), 2)).toBe(false);
    expect(canChange(actor('moderator'), 2)).toBe(true);
    expect(canChange(actor('locked'), 1)).toBe(true);
    expect(canChange(undefined, 1)).toBe(false);
  });
});
