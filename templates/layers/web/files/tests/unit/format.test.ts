import { describe, expect, it } from 'vitest';
import { fullDate, relativeTime } from '../../src/views/format.js';

const now = new Date('2026-05-04T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('relativeTime', () => {
  it.each([
    [10, 'just now'],
    [60, '1 minute ago'],
    [3 * 60, '3 minutes ago'],
    [2 * 3600, '2 hours ago'],
    [26 * 3600, 'yesterday'],
    [8 * 86400, 'last week'],
    [400 * 86400, 'last year'],
  ])('%i seconds ago reads "%s"', (seconds, text) => {
    expect(relativeTime(ago(seconds), now)).toBe(text);
  });
});

describe('fullDate', () => {
  it('spells out the date and time in UTC', () => {
    expect(fullDate(now)).toBe('Monday, May 4, 2026 at 12:00 PM UTC');
  });
});
