// The chat in the browser (CatChat's script.js): one Socket.IO connection to the page's namespace, messages in
// and out, presence, deletion, history by infinite scroll, the unread count in the title and desktop
// notifications. The page works without it (history, and posting through the form).
/* global io */
const chat = document.querySelector('.chat');
const list = document.getElementById('messages');
const scroller = document.getElementById('scroller');
const historyStatus = document.getElementById('history-status');
const composer = document.getElementById('composer');
const input = document.getElementById('message-body');
const status = document.getElementById('composer-status');

const room = chat.dataset.room;
const namespace = chat.dataset.namespace;
const stored = namespace === '/';
const me = chat.dataset.user;
const admin = chat.dataset.admin === 'true';
let before = chat.dataset.before || null;
let unread = 0;
let presenceAt = 0;
const title = document.title;

const socket = io(namespace);

// ---- messages in the list ----------------------------------------------------------------------------

function elementOf(message) {
  const template = document.createElement('template');
  // itemHtml is rendered by the server's MessageItem component, its body sanitised when it was written.
  template.innerHTML = message.itemHtml.trim();
  const item = template.content.firstElementChild;
  addDeleteButton(item);
  return item;
}

function nearBottom() {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
}

/** Adds a message at the end, once: a message can arrive both as the ack of a send and as the broadcast. */
function append(message) {
  if (document.getElementById(`message-${message.id}`)) return false;
  const follow = nearBottom();
  list.append(elementOf(message));
  if (follow) scroller.scrollTop = scroller.scrollHeight;
  return true;
}

function replaceAll(messages) {
  list.replaceChildren(...messages.map(elementOf));
  scroller.scrollTop = scroller.scrollHeight;
}

function addDeleteButton(item) {
  if (!stored || !me || item.querySelector('.delete-message')) return;
  if (item.dataset.author !== me && !admin) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'delete-message link-button';
  button.textContent = 'Delete';
  button.setAttribute('aria-label', `Delete message ${item.dataset.id}`);
  button.addEventListener('click', async () => {
    const answer = await send('delete message', { id: Number(item.dataset.id) });
    if (answer.ok) item.remove();
  });
  item.querySelector('.message-meta').append(' ', button);
}

for (const item of list.children) addDeleteButton(item);
scroller.scrollTop = scroller.scrollHeight;

/** Sends an acknowledged event; the answer is shown when it is a refusal. */
async function send(event, payload) {
  let answer;
  try {
    answer = await socket.timeout(10_000).emitWithAck(event, payload);
  } catch {
    answer = { ok: false, error: { message: 'No answer from the server: check your connection.' } };
  }
  status.textContent = answer.ok ? '' : answer.error.message;
  return answer;
}

// ---- the socket ---------------------------------------------------------------------------------------

socket.on('connect', async () => {
  status.textContent = '';
  // Recovered (a short drop): the server replayed what was missed. Otherwise start from the newest page.
  if (!stored || socket.recovered) return;
  const answer = await send('join', { room });
  if (!answer.ok) return;
  replaceAll([...answer.messages].reverse());
  before = answer.before === null ? null : String(answer.before);
  historyStatus.textContent = before ? 'Scroll up for older messages.' : 'No more messages.';
});

socket.on('disconnect', (reason) => {
  status.textContent =
    reason === 'io server disconnect' ? 'Disconnected by the server: reload the page.' : 'Reconnecting…';
});

socket.on('connect_error', (error) => {
  status.textContent =
    error.message === 'unauthorized' ? 'Your session has ended: sign in again.' : 'Cannot reach the chat; retrying…';
});

socket.on('new message', (message) => {
  if (!append(message)) return;
  if (String(message.author.id) !== me || !stored) notify(message);
});

socket.on('message deleted', ({ id }) => document.getElementById(`message-${id}`)?.remove());

socket.on('user count', (presence) => {
  if (presence.at < presenceAt) return;
  presenceAt = presence.at;
  const count = document.getElementById('online-count');
  const users = document.getElementById('online-users');
  if (!count || !users) return;
  count.textContent = String(presence.count);
  users.replaceChildren(
    ...presence.users.map((user) => {
      const item = document.createElement('li');
      item.textContent = user.nickname;
      return item;
    }),
  );
});

socket.on('request failed', (problem) => (status.textContent = problem.message));

// ---- writing ------------------------------------------------------------------------------------------

composer.addEventListener('submit', async (event) => {
  event.preventDefault();
  askForNotifications();
  const body = input.value.trim();
  if (!body) {
    status.textContent = 'Write something first.';
    return;
  }
  // Shown as sending until the server has stored it and said so.
  const pending = document.createElement('li');
  pending.className = 'message pending';
  pending.textContent = body;
  pending.setAttribute('aria-label', 'Sending');
  list.append(pending);
  scroller.scrollTop = scroller.scrollHeight;
  const answer = await send('new message', stored ? { room, body } : { body });
  pending.remove();
  if (!answer.ok) return;
  input.value = '';
  append(answer.message);
});

// Enter sends, Shift+Enter makes a new line.
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    composer.requestSubmit();
  }
});

// ---- older messages: infinite scroll ------------------------------------------------------------------

let loading = false;
scroller.addEventListener('scroll', async () => {
  if (!stored || loading || !before || scroller.scrollTop > 40) return;
  loading = true;
  historyStatus.textContent = 'Loading older messages…';
  try {
    const response = await fetch(`/rooms/${room}/messages?before=${before}`, {
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error(String(response.status));
    const page = await response.json();
    // Keep what the reader looks at in place while older messages go in above it.
    const height = scroller.scrollHeight;
    const items = page.messages.reverse().filter((message) => !document.getElementById(`message-${message.id}`));
    list.prepend(...items.map(elementOf));
    scroller.scrollTop += scroller.scrollHeight - height;
    before = page.before === null ? null : String(page.before);
    historyStatus.textContent = before ? 'Scroll up for older messages.' : 'No more messages.';
  } catch {
    historyStatus.textContent = 'Older messages could not be loaded; scroll up to try again.';
  } finally {
    loading = false;
  }
});

// ---- while the tab is hidden: unread count and desktop notifications ----------------------------------

function away() {
  return document.visibilityState === 'hidden';
}

function notify(message) {
  if (!away()) return;
  unread += 1;
  document.title = `(${unread}) ${title}`;
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  const text = new DOMParser().parseFromString(message.html, 'text/html').body.textContent ?? '';
  const notification = new Notification(`Message from ${message.author.nickname}`, {
    body: text.slice(0, 200),
    icon: `/avatars/${message.author.avatarHash}.svg`,
    tag: 'chat',
  });
  notification.addEventListener('click', () => window.focus());
  setTimeout(() => notification.close(), 4000);
}

function back() {
  if (away()) return;
  unread = 0;
  document.title = title;
}

document.addEventListener('visibilitychange', back);

// Browsers ask for permission only after something the user did: the first message they send.
function askForNotifications() {
  if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission();
}
