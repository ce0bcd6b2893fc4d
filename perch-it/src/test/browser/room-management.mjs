// Drives the room management page in Debian's headless Chromium, as a user would: RoomManagementPageIT runs it
// against a real server and then checks the store. Playwright never downloads a browser here (playwright-core, and
// executablePath points at /usr/bin/chromium, which ensure-chromium.sh installs).
//
// Environment: PERCH_URL (the page, https://127.0.0.1:<port>/rooms/), PERCH_JID and PERCH_PASSWORD (a creator in
// PERCH_CATEGORY), PERCH_MEMBER and PERCH_SECOND_MEMBER (users the category allows), PERCH_DENIED (one it denies),
// PERCH_SCREENSHOT (where to save the picture of the page; the sign-in refusal goes beside it, *-sign-in.png).
// Exits 0 when every step did what it should, 1 otherwise.
import { env, runInChromium, step } from './browser.mjs';

const url = env('PERCH_URL');
const jid = env('PERCH_JID');
const password = env('PERCH_PASSWORD');
const category = env('PERCH_CATEGORY');
const member = env('PERCH_MEMBER');
const secondMember = env('PERCH_SECOND_MEMBER');
const denied = env('PERCH_DENIED');
const screenshot = env('PERCH_SCREENSHOT');
const TIMEOUT = 15_000;

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

  step('sign out');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectVisible(page, '#sign-in', true);
  await expectVisible(page, '#rooms-section', false);
  await page.reload();
  await expectVisible(page, '#sign-in', true);
  await expectVisible(page, '#whoami', false);
});
