// Drives the room management page in Debian's headless Chromium, as a user would: RoomManagementPageIT runs it
// against a real server and then checks the store. Playwright never downloads a browser here (playwright-core, and
// executablePath points at /usr/bin/chromium, which ensure-chromium.sh installs).
//
// Environment: PERCH_URL (the page, https://127.0.0.1:<port>/rooms/), PERCH_JID and PERCH_PASSWORD (a creator in
// PERCH_CATEGORY), PERCH_MEMBER and PERCH_SECOND_MEMBER (users the category allows), PERCH_DENIED (one it denies),
// PERCH_MATCHING_POST (what PERCH_MEMBER posts in the new room once the script prints the step "wait for the post
// in my feed", for the topic-feed filter the script makes to match), PERCH_SCREENSHOT (where to save the picture of
// the page; the sign-in refusal goes beside it, *-sign-in.png, and the feed, *-feed.png).
// Exits 0 when every step did what it should, 1 otherwise.
import { env, runInChromium, step } from './browser.mjs';

const url = env('PERCH_URL');
const jid = env('PERCH_JID');
const password = env('PERCH_PASSWORD');
const category = env('PERCH_CATEGORY');
const member = env('PERCH_MEMBER');
const secondMember = env('PERCH_SECOND_MEMBER');
const denied = env('PERCH_DENIED');
const matchingPost = env('PERCH_MATCHING_POST');
const screenshot = env('PERCH_SCREENSHOT');
const TIMEOUT = 15_000;
/** How long the post may take to reach the feed: it is matched on the server's own thread, soon after storing. */
const FEED_TIMEOUT = 60_000;

/** Waits until the element shows text containing `text`; fails naming what it showed instead. */
async function expectText(page, selector, text) {
  const locator = page.locator(selector);
  try {
    await locator.filter({ hasText: text }).waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch (e) {
    const shown = (await locator.count()) > 0 ? await locator.first().innerText() : '(no such element)';
    throw new Error(`${selector} should show "${text}" but shows "${shown}"`);
  }
}

async function expectVisible(page, selector, visible) {
  await page.locator(selector).waitFor({ state: visible ? 'visible' : 'hidden', timeout: TIMEOUT });
}

/** Asks for the newest feed entries, as a user would, until one shows `text`; fails after FEED_TIMEOUT. */
async function waitForFeedEntry(page, text) {
  const entry = page.locator('#feed-entries li', { hasText: text });
  const deadline = Date.now() + FEED_TIMEOUT;
  while (Date.now() < deadline) {
    await page.getByRole('button', { name: 'Show newest' }).click();
    try {
      await entry.waitFor({ state: 'visible', timeout: 2_000 });
      return entry;
    } catch (e) {
      // Not matched yet: look again.
    }
  }
  const shown = await page.locator('#feed-entries').innerText();
  throw new Error(`My feed should show "${text}" within ${FEED_TIMEOUT} ms but shows "${shown}"`);
}

await runInChromium({ timeout: TIMEOUT, screenshot }, async (page, context) => {
  step('open the page');
  await page.goto(url);
  await expectVisible(page, '#sign-in', true);

  step('a wrong password is refused with the server\'s message');
  await page.getByLabel('Address').fill(jid);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectText(page, '#sign-in-error', 'wrong JID or password');
  await expectVisible(page, '#rooms-section', false);
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-sign-in.png') });

  step('sign in');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectText(page, '#me', jid);
  await expectVisible(page, '#create-room', true);
  await expectVisible(page, '#no-rooms', true);

  step('create a room');
  await page.locator('#create-name').fill('Bond Desk');
  await page.locator('#create-category').selectOption(category);
  await page.locator('#create-description').fill('Government bonds');
  await page.locator('#create-privacy').selectOption('closed');
  await page.locator('#create-members').fill(member);
  await page.getByRole('button', { name: 'Create room' }).click();

  step('it appears in my rooms, as mine to manage');
  const row = page.locator('#my-rooms tbody tr', { hasText: 'Bond Desk' });
  await row.waitFor();
  await expectText(page, '#my-rooms tbody tr:has-text("Bond Desk") td.role', 'manager');
  await expectText(page, '#my-rooms tbody tr:has-text("Bond Desk") td.address', 'bond-desk@chat.');
  await expectText(page, '#my-rooms tbody tr:has-text("Bond Desk") td.description', 'Government bonds');

  step('edit its members and description');
  await page.getByRole('button', { name: 'Edit Bond Desk' }).click();
  await expectVisible(page, '#edit-room', true);
  const members = page.locator('#edit-members');
  const current = await members.inputValue();
  if (!current.includes(member)) {
    throw new Error(`the editor should list ${member} as a member, but lists "${current}"`);
  }
  await members.fill(`${current}\n${secondMember}`);
  await page.locator('#edit-description').fill('Bonds and gilts');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expectVisible(page, '#edit-saved', true);
  await expectText(page, '#my-rooms tbody tr:has-text("Bond Desk") td.description', 'Bonds and gilts');

  step('a change the category refuses shows the server\'s message');
  await members.fill(`${await members.inputValue()}\n${denied}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expectText(page, '#edit-error', `does not allow user:${denied}`);
  if (await members.getAttribute('aria-invalid') !== 'true') {
    throw new Error('the members field should be marked as the one at fault');
  }
  await page.screenshot({ path: screenshot, fullPage: true });

  step('a topic-feed filter with two words as one keyword is refused, naming the field');
  await expectVisible(page, '#feeds-section', true);
  await expectVisible(page, '#no-filters', true);
  await page.getByLabel('Filter name').fill('Auctions');
  const keywords = page.getByLabel('Keywords');
  await keywords.fill('bond auction');
  await page.getByRole('button', { name: 'Add filter' }).click();
  await expectText(page, '#filter-error', 'make it a phrase');
  if (await keywords.getAttribute('aria-invalid') !== 'true') {
    throw new Error('the keywords field should be marked as the one at fault');
  }

  step('add a filter for auctions in Bond Desk');
  await keywords.fill('auction');
  await page.getByRole('checkbox', { name: 'Bond Desk' }).check();
  await page.getByRole('button', { name: 'Add filter' }).click();
  await expectText(page, '#filter-saved', 'Saved filter Auctions');
  await expectText(page, '#my-filters tbody tr:has-text("Auctions") td.keywords', 'auction');
  await expectText(page, '#my-filters tbody tr:has-text("Auctions") td.rooms', 'Bond Desk');
  await expectText(page, '#my-filters tbody tr:has-text("Auctions") td.alert', 'yes');
  await expectVisible(page, '#feed-empty', true);

  step('wait for the post in my feed');
  const entry = await waitForFeedEntry(page, matchingPost);
  await expectText(page, '#feed-entries li .entry-room', 'Bond Desk');
  await expectText(page, '#feed-entries li .entry-sender', member.split('@')[0]);
  await expectText(page, '#feed-entries li .entry-filters', 'Matched: Auctions');
  await entry.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-feed.png'), fullPage: true });

  step('sign out');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectVisible(page, '#sign-in', true);
  await expectVisible(page, '#rooms-section', false);
  await page.reload();
  await expectVisible(page, '#sign-in', true);
  await expectVisible(page, '#whoami', false);
});
