import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/plugins/auth.js';

describe('safeNext', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeNext('/admin/posts?page=2')).toBe('/admin/posts?page=2');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    '',
    'admin',
    '/x\r\nSet-Cookie: a=b',
  ])('refuses %j: another site, a scheme, or no path at all', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it('uses the fallback for anything that is not a string', () => {
    expect(safeNext(['/a', '/b'], '/admin')).toBe('/admin');
    expect(safeNext(undefined, '/admin')).toBe('/admin');
  });
});
