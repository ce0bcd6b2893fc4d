// The room management page: signs in, lists the user's rooms, creates and edits rooms through /rooms/api/; the
// topic feeds section is feeds.js's, loaded before this file and run from here. Text goes into the page as
// textContent only, never parsed as markup; the Content-Security-Policy forbids inline script.
'use strict';

const API = 'api/';
const byId = (id) => document.getElementById(id);

/** A refusal from the server, with its message and the form field at fault, if any. */
class ApiError extends Error {
  constructor(status, error) {
    super(error && error.message ? error.message : `the server answered ${status}`);
    this.status = status;
    this.field = error ? error.field : undefined;
  }
}

/** Calls the API; every request that changes something carries the header the server asks of this page. */
async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') {
    headers['X-Perch-Request'] = '1';
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(API + path, {
    method, headers, credentials: 'same-origin', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json && json.error);
  }
  return json;
}

/** "a@x, b@x\n c@x" → ["a@x", "b@x", "c@x"]. */
function principals(text) {
  return text.split(/[\s,;]+/).map((p) => p.trim()).filter((p) => p.length > 0);
}

function showError(form, element, error) {
  clearError(form, element);
  element.textContent = error.message;
  element.hidden = false;
  const field = error.field ? form.elements.namedItem(error.field.split('.')[0]) : null;
  if (field) {
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  }
}

function clearError(form, element) {
  element.hidden = true;
  element.textContent = '';
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
  }
}

/** What to do with an error: a lost session goes back to sign-in; anything else is shown by the form. */
function handled(error, form, element) {
  if (error instanceof ApiError && error.status === 401) {
    showSignIn('Your session has ended; sign in again.');
    return;
  }
  showError(form, element, error);
}

// ---- signing in and out ----

function showSignIn(message) {
  byId('whoami').hidden = true;
  byId('rooms-section').hidden = true;
  byId('feeds-section').hidden = true;
  byId('sign-in-section').hidden = false;
  const error = byId('sign-in-error');
  error.textContent = message || '';
  error.hidden = !message;
  byId('sign-in-password').value = '';
  byId('sign-in-jid').focus();
}

async function showSignedIn(jid) {
  byId('me').textContent = jid;
  byId('whoami').hidden = false;
  byId('sign-in-section').hidden = true;
  byId('rooms-section').hidden = false;
  byId('edit-section').hidden = true;
  await Promise.all([loadRooms(), loadCategories(), showFeeds()]);
}

byId('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  clearError(form, byId('sign-in-error'));
  try {
    const me = await api('POST', 'session', {
      jid: byId('sign-in-jid').value.trim(),
      password: byId('sign-in-password').value,
    });
    byId('sign-in-password').value = '';
    await showSignedIn(me.jid);
  } catch (error) {
    showError(form, byId('sign-in-error'), error);
  }
});

byId('sign-out').addEventListener('click', async () => {
  try {
    await api('DELETE', 'session');
  } finally {
    showSignIn();
  }
});

// ---- my rooms ----

let rooms = [];

async function loadRooms() {
  rooms = (await api('GET', 'rooms')).rooms;
  const body = byId('my-rooms').querySelector('tbody');
  body.replaceChildren(...rooms.map(roomRow));
  byId('no-rooms').hidden = rooms.length > 0;
  byId('my-rooms').hidden = rooms.length === 0;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

function roomRow(room) {
  const tr = document.createElement('tr');
  tr.dataset.roomId = room.id;
  const name = room.disabled ? `${room.name} (disabled)` : room.name;
  tr.append(cell(name, 'name'), cell(room.jid, 'address'), cell(room.category), cell(room.privacy),
    cell(room.type), cell(room.role, 'role'), cell(room.description, 'description'));
  const actions = document.createElement('td');
  if (room.role === 'manager') {
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.textContent = 'Edit';
    edit.setAttribute('aria-label', `Edit ${room.name}`);
    edit.addEventListener('click', () => openEditor(room));
    actions.append(edit);
  }
  tr.append(actions);
  return tr;
}

// ---- creating a room ----

async function loadCategories() {
  const categories = (await api('GET', 'categories')).categories;
  const select = byId('create-category');
  select.replaceChildren(...categories.map((c) => {
    const option = document.createElement('option');
    option.value = c.name;
    option.textContent = c.description ? `${c.name}: ${c.description}` : c.name;
    return option;
  }));
  byId('create-section').hidden = categories.length === 0;
  byId('no-categories').hidden = categories.length > 0;
}

byId('create-room').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const error = byId('create-error');
  clearError(form, error);
  const room = {
    name: byId('create-name').value.trim(),
    category: byId('create-category').value,
    description: byId('create-description').value,
    privacy: byId('create-privacy').value,
    type: byId('create-type').value,
  };
  const members = principals(byId('create-members').value);
  if (members.length > 0) {
    room.members = { add: members };
  }
  try {
    await api('POST', 'rooms', room);
    form.reset();
    await Promise.all([loadRooms(), refreshFeedRooms()]);
  } catch (e) {
    handled(e, form, error);
  }
});

// ---- editing a room ----

let editing = null;

function openEditor(room) {
  editing = room;
  const form = byId('edit-room');
  clearError(form, byId('edit-error'));
  byId('edit-saved').hidden = true;
  byId('edit-room-name').textContent = room.name;
  byId('edit-description').value = room.description;
  byId('edit-privacy').value = room.privacy;
  byId('edit-members').value = room.members.join('\n');
  byId('edit-managers').value = room.managers.join('\n');
  byId('edit-presenters').value = room.presenters.join('\n');
  byId('edit-presenters').disabled = room.type !== 'auditorium';
  byId('edit-section').hidden = false;
  byId('edit-description').focus();
}

byId('edit-cancel').addEventListener('click', () => {
  editing = null;
  byId('edit-section').hidden = true;
});

byId('edit-room').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const error = byId('edit-error');
  clearError(form, error);
  byId('edit-saved').hidden = true;
  const change = {
    description: byId('edit-description').value,
    privacy: byId('edit-privacy').value,
    members: principals(byId('edit-members').value),
    managers: principals(byId('edit-managers').value),
  };
  if (editing.type === 'auditorium') {
    change.presenters = principals(byId('edit-presenters').value);
  }
  try {
    const saved = await api('PATCH', `rooms/${encodeURIComponent(editing.id)}`, change);
    await Promise.all([loadRooms(), refreshFeedRooms()]);
    if (saved.role === 'manager') {
      openEditor(saved);
      byId('edit-saved').hidden = false;
    } else {
      byId('edit-section').hidden = true;
    }
  } catch (e) {
    handled(e, form, error);
  }
});

// ---- start ----

initFeeds();
(async () => {
  try {
    const me = await api('GET', 'session');
    await showSignedIn(me.jid);
  } catch (error) {
    showSignIn(error instanceof ApiError && error.status === 401 ? '' : error.message);
  }
})();
