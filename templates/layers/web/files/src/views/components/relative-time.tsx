import { fullDate, relativeTime } from '../format.js';

/** A time as "3 minutes ago", with the full date on hover. */
export function RelativeTime({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={fullDate(date)} data-relative="">
      {relativeTime(date)}
    </time>
  );
}
