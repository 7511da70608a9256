// Progressive enhancement: the pages work without this file.
// Times are rendered by the server in English and UTC; here they are redone in the reader's language and time
// zone, and kept fresh ("3 minutes ago" does not stay true for long). Flask-Moment does the same with Moment.js.
const language = navigator.language || 'en';
const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
const full = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' });
const steps = [
  ['year', 31536000],
  ['month', 2592000],
  ['week', 604800],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

function describe(date) {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const [unit, size] = steps.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
  return Math.abs(seconds) < 45 ? relative.format(0, 'second') : relative.format(Math.trunc(seconds / size), unit);
}

function refreshTimes(root = document) {
  for (const element of root.querySelectorAll('time[data-relative]')) {
    const date = new Date(element.getAttribute('datetime'));
    if (Number.isNaN(date.getTime())) continue;
    element.textContent = describe(date);
    element.title = full.format(date);
  }
}

document.addEventListener('DOMContentLoaded', () => refreshTimes());
// Forms that do something hard to undo ask first (<ActionButton confirm="…">).
document.addEventListener('submit', (event) => {
  const message = event.target instanceof HTMLFormElement ? event.target.dataset.confirm : undefined;
  if (message && !window.confirm(message)) event.preventDefault();
});
// htmx swapped in new content (e.g. the next page of a list).
document.addEventListener('htmx:afterSettle', (event) => refreshTimes(event.target));
setInterval(refreshTimes, 60_000);
