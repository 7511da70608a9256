import { describe, expect, it } from 'vitest';
import { isTestDatabaseName, testDatabaseUrl } from '../helpers/test-database-url.js';

describe('the database the tests run on', () => {
  it('is PGlite (none) when neither TEST_DATABASE_URL nor DATABASE_URL is set', () => {
    expect(testDatabaseUrl({})).toBeUndefined();
    expect(testDatabaseUrl({ DATABASE_URL: '', TEST_DATABASE_URL: '' })).toBeUndefined();
  });

  it('is never the development database of DATABASE_URL, but its _test sibling', () => {
    expect(testDatabaseUrl({ DATABASE_URL: 'postgres://app:secret@db:5432/app' })).toBe(
      'postgres://app:secret@db:5432/app_test',
    );
    // No database in the address: PostgreSQL's default, the user's name.
    expect(testDatabaseUrl({ DATABASE_URL: 'postgres://ada@localhost' })).toBe('postgres://ada@localhost/ada_test');
    expect(testDatabaseUrl({ DATABASE_URL: 'postgres://localhost:5432/app_test' })).toBe(
      'postgres://localhost:5432/app_test',
    );
  });

  it('is TEST_DATABASE_URL, over DATABASE_URL, when its name says it is for tests', () => {
    expect(
      testDatabaseUrl({ TEST_DATABASE_URL: 'postgres://localhost/test', DATABASE_URL: 'postgres://localhost/app' }),
    ).toBe('postgres://localhost/test');
  });

  it('refuses a TEST_DATABASE_URL whose name does not say so, with a sentence that says why', () => {
    expect(() => testDatabaseUrl({ TEST_DATABASE_URL: 'postgres://localhost/app' })).toThrow(
      'TEST_DATABASE_URL names the database “app”: the tests empty every table of the database they run on, so they only run on one whose name says it is for tests (test, test_… or …_test), e.g. app_test.',
    );
  });

  it.each([
    ['test', true],
    ['app_test', true],
    ['test_app', true],
    ['app', false],
    ['latest', false],
    ['app_test_backup', false],
  ])('counts “%s” as a test database: %s', (name, expected) => {
    expect(isTestDatabaseName(name)).toBe(expected);
  });
});
