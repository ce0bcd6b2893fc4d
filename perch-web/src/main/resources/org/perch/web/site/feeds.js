// Topic feeds on the room management page: the user's filters (list, add, edit, delete) and their feed, newest
// first, through /rooms/api/feeds/. Loaded before app.js and run by it: app.js calls initFeeds() once,
// showFeeds() on every sign-in and refreshFeedRooms() when the user's rooms change; nothing here runs before, so
// the helpers it uses (api, byId, ApiError, cell, clearError, handled, principals, showSignIn) are app.js's. Text
// goes into the page as textContent only.
'use strict';

const FEED_PAGE = 20;

let filters = [];
let feedRooms = [];
let editingFilter = null;
let nextBefore = null;

/** Keywords and phrases are separated by commas or new lines, never by spaces: a phrase holds spaces. */
function terms(text) {
  return text.split(/[,\n]+/).map((t) => t.trim()).filter((t) => t.length > 0);
}

/** Shows the section, or hides it when the server offers no topic feeds (the API is then 404). */
async function showFeeds() {
  let loaded;
  try {
    loaded = await Promise.all([api('GET', 'feeds/filters'), api('GET', 'feeds/rooms')]);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      byId('feeds-section').hidden = true;
      return;
    }
    throw error;
  }
  [filters, feedRooms] = [loaded[0].filters, loaded[1].rooms];
  byId('feeds-section').hidden = false;
  renderFilters();
  resetFilterForm();
  await loadFeed(false);
}

// ---- my filters ----

async function reloadFilters() {
  filters = (await api('GET', 'feeds/filters')).filters;
  renderFilters();
}

function renderFilters() {
  byId('my-filters').querySelector('tbody').replaceChildren(...filters.map(filterRow));
  byId('no-filters').hidden = filters.length > 0;
  byId('my-filters').hidden = filters.length === 0;
}

function filterRow(filter) {
  const tr = document.createElement('tr');
  tr.dataset.filterId = filter.id;
  const rooms = filter.rooms.length > 0 ? filter.rooms.map((r) => r.name).join(', ') : 'every room';
  tr.append(cell(filter.name, 'name'), cell(filter.keywords.join(', '), 'keywords'),
    cell(filter.phrases.join(', '), 'phrases'), cell(filter.senders.join(', '), 'senders'), cell(rooms, 'rooms'),
    cell(filter.alert ? 'yes' : 'no', 'alert'));
  const actions = document.createElement('td');
  actions.append(actionButton('Edit', `Edit filter ${filter.name}`, () => openFilter(filter)),
    actionButton('Delete', `Delete filter ${filter.name}`, () => deleteFilter(filter)));
  tr.append(actions);
  return tr;
}

function actionButton(text, label, action) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  button.setAttribute('aria-label', label);
  button.addEventListener('click', action);
  return button;
}

async function deleteFilter(filter) {
  const form = byId('filter-form');
  clearError(form, byId('filter-error'));
  try {
    await api('DELETE', `feeds/filters/${encodeURIComponent(filter.id)}`);
    if (editingFilter && editingFilter.id === filter.id) {
      resetFilterForm();
    }
    await reloadFilters();
  } catch (e) {
    handled(e, form, byId('filter-error'));
  }
}

// ---- adding and editing a filter ----

/** One checkbox per room the user may read; the rooms ticked are those the filter is limited to. */
function renderRoomChoices(ticked) {
  byId('filter-room-choices').replaceChildren(...feedRooms.map((room) => {
    const label = document.createElement('label');
    label.className = 'room-choice';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = room.address;
    box.checked = ticked.includes(room.address);
    const address = document.createElement('span');
    address.className = 'address';
    address.textContent = room.jid;
    label.append(box, ` ${room.name} `, address);
    return label;
  }));
  byId('no-feed-rooms').hidden = feedRooms.length > 0;
}

/** The rooms change as the user creates and edits rooms: what is ticked stays ticked. */
async function refreshFeedRooms() {
  if (byId('feeds-section').hidden) {
    return;
  }
  feedRooms = (await api('GET', 'feeds/rooms')).rooms;
  renderRoomChoices([...byId('filter-room-choices').querySelectorAll('input:checked')].map((box) => box.value));
}

function resetFilterForm() {
  editingFilter = null;
  const form = byId('filter-form');
  form.reset();
  clearError(form, byId('filter-error'));
  renderRoomChoices([]);
  byId('filter-form-heading').textContent = 'Add a filter';
  byId('filter-save').textContent = 'Add filter';
  byId('filter-cancel').hidden = true;
}

function openFilter(filter) {
  resetFilterForm();
  editingFilter = filter;
  byId('filter-form-heading').textContent = `Edit filter ${filter.name}`;
  byId('filter-save').textContent = 'Save filter';
  byId('filter-cancel').hidden = false;
  byId('filter-saved').hidden = true;
  byId('filter-name').value = filter.name;
  byId('filter-keywords').value = filter.keywords.join('\n');
  byId('filter-phrases').value = filter.phrases.join('\n');
  byId('filter-senders').value = filter.senders.join('\n');
  byId('filter-alert').checked = filter.alert;
  renderRoomChoices(filter.rooms.map((r) => r.address));
  byId('filter-name').focus();
}

async function saveFilter(event) {
  event.preventDefault();
  const form = event.target;
  const error = byId('filter-error');
  clearError(form, error);
  byId('filter-saved').hidden = true;
  const filter = {
    name: byId('filter-name').value.trim(),
    keywords: terms(byId('filter-keywords').value),
    phrases: terms(byId('filter-phrases').value),
    senders: principals(byId('filter-senders').value),
    rooms: [...byId('filter-room-choices').querySelectorAll('input:checked')].map((box) => box.value),
    alert: byId('filter-alert').checked,
  };
  try {
    if (editingFilter) {
      await api('PUT', `feeds/filters/${encodeURIComponent(editingFilter.id)}`, filter);
    } else {
      await api('POST', 'feeds/filters', filter);
    }
    resetFilterForm();
    byId('filter-saved').textContent = `Saved filter ${filter.name}.`;
    byId('filter-saved').hidden = false;
    await reloadFilters();
  } catch (e) {
    handled(e, form, error);
  }
}

// ---- my feed ----

/** The newest page, or the next older one after what is shown. */
async function loadFeed(older) {
  const error = byId('feed-error');
  error.hidden = true;
  const query = older ? `?max=${FEED_PAGE}&before=${encodeURIComponent(nextBefore)}` : `?max=${FEED_PAGE}`;
  let page;
  try {
    page = await api('GET', `feeds/entries${query}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      showSignIn('Your session has ended; sign in again.');
      return;
    }
    error.textContent = e.message;
    error.hidden = false;
    return;
  }
  const list = byId('feed-entries');
  const items = page.entries.map(feedEntry);
  if (older) {
    list.append(...items);
  } else {
    list.replaceChildren(...items);
  }
  nextBefore = page.nextBefore;
  byId('feed-older').hidden = nextBefore === null;
  byId('feed-empty').hidden = list.children.length > 0;
}

function feedEntry(entry) {
  const li = document.createElement('li');
  li.className = 'feed-entry';
  li.dataset.entryId = entry.id;
  const meta = document.createElement('p');
  meta.className = 'entry-meta';
  const room = document.createElement('strong');
  room.className = 'entry-room';
  room.textContent = entry.room.name;
  room.title = entry.room.jid;
  const sender = document.createElement('span');
  sender.className = 'entry-sender';
  sender.textContent = entry.sender;
  const time = document.createElement('time');
  time.dateTime = entry.at;
  time.textContent = new Date(entry.at).toLocaleString();
  meta.append(room, ' · ', sender, ' · ', time);
  const body = document.createElement('p');
  body.className = 'entry-body';
  body.append(...linked(entry.body));
  const matched = document.createElement('p');
  matched.className = 'entry-filters';
  matched.textContent = `Matched: ${entry.filters.map(filterName).join(', ')}`;
  li.append(meta, body, matched);
  return li;
}

function filterName(id) {
  const filter = filters.find((f) => f.id === id);
  return filter ? filter.name : 'a removed filter';
}

/** The text as nodes, its web links made links (a file link is the reader's own, ready to download). */
function linked(text) {
  const url = /(https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)])/;
  return text.split(url).map((part, i) => {
    if (i % 2 === 0) {
      return document.createTextNode(part);
    }
    const a = document.createElement('a');
    a.href = part;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    a.textContent = part;
    return a;
  });
}

function initFeeds() {
  byId('filter-form').addEventListener('submit', saveFilter);
  byId('filter-cancel').addEventListener('click', () => {
    resetFilterForm();
    byId('filter-saved').hidden = true;
  });
  byId('feed-refresh').addEventListener('click', () => loadFeed(false));
  byId('feed-older').addEventListener('click', () => loadFeed(true));
}
