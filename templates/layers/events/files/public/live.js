// Live values (an unread count) kept up to date without reloading: an element with data-live-events listens
// to that server-sent-events URL; when EventSource is missing or its stream keeps failing, it asks
// data-live-poll every 15 s instead. The value arrives as { count } and is shown in the element.
for (const element of document.querySelectorAll('[data-live-events]')) {
  const show = (count) => {
    element.textContent = String(count);
    element.hidden = count === 0;
    element.dataset.count = String(count);
  };
  let polling;
  const poll = () => {
    if (polling || !element.dataset.livePoll) return;
    polling = setInterval(async () => {
      const response = await fetch(element.dataset.livePoll, { headers: { accept: 'application/json' } });
      if (response.ok) show((await response.json()).count);
    }, 15_000);
  };
  if (!('EventSource' in window)) {
    poll();
    continue;
  }
  const source = new EventSource(element.dataset.liveEvents);
  let failures = 0;
  source.addEventListener('open', () => {
    failures = 0;
    element.dataset.live = 'open';
  });
  source.addEventListener('unread', (event) => show(JSON.parse(event.data).count));
  source.addEventListener('error', () => {
    failures += 1;
    // EventSource retries by itself; after a few failures in a row (a proxy that buffers, a server that is
    // down), polling takes over.
    if (failures >= 3) {
      source.close();
      element.dataset.live = 'polling';
      poll();
    }
  });
}
