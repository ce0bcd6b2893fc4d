// Drives Perch's web client (Converse.js, served at / on the HTTP port) in Debian's headless Chromium, as a user
// would: WebClientIT runs it against a real server and plays the second session from the Java side.
//
// Environment: PERCH_URL (https://127.0.0.1:<http port>/), PERCH_USER and PERCH_PASSWORD (who signs in; the
// domain is the server's), PERCH_ROOM (the room's name, which is also its address), PERCH_ADDIN_NAME and
// PERCH_ADDIN_URL (the room's add-in), PERCH_MESSAGE (what this user posts), PERCH_REPLY (what the second session
// posts), PERCH_SCREENSHOT (where to save the picture of the page), PERCH_STEPS ("chat", or "upload" for the file
// upload steps).
// Prints "waiting: second session" once the user is in the room and has posted; WebClientIT then has the second
// session post PERCH_REPLY, which must appear on the page. Exits 0 when every step did what it should, 1 otherwise.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, runInChromium, step } from './browser.mjs';

const url = env('PERCH_URL');
const user = env('PERCH_USER');
const password = env('PERCH_PASSWORD');
const room = env('PERCH_ROOM');
const screenshot = env('PERCH_SCREENSHOT');
const steps = env('PERCH_STEPS');
const TIMEOUT = 20_000;

/** Waits until an element matching `selector` shows `text`; fails naming what the page shows instead. */
async function expectText(page, selector, text) {
  const locator = page.locator(selector);
  try {
    await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch (e) {
    const shown = (await locator.count()) > 0 ? await locator.allInnerTexts() : '(no such element)';
    throw new Error(`${selector} should show "${text}" but shows ${JSON.stringify(shown)}`);
  }
}

async function signIn(page) {
  step('open the client');
  await page.goto(url);
  const form = page.locator('#converse-login');
  await form.waitFor();
  step('sign in');
  // The domain is locked to the server's, so the user types their name only.
  await form.locator('input[name="jid"]').fill(user);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await page.locator('converse-rooms-list').waitFor();
}

/**
 * "Sees followed rooms": the rooms the user follows (XEP-0402 bookmarks, Converse's bookmarks list) are listed
 * after signing in. Not called yet: PEP and XEP-0402 come with the branch followed-rooms; when they land,
 * WebClientIT has the user follow the room before signing in and the chat steps call this right after signIn.
 */
async function expectFollowedRoom(page) {
  step('see the followed room');
  await expectText(page, 'converse-bookmarks', room);
}

async function joinTheRoom(page) {
  step('join the room');
  await page.locator('converse-rooms-list .dropdown-toggle').first().click();
  await page.locator('.show-add-muc-modal').click();
  const modal = page.locator('converse-add-muc-modal');
  await modal.locator('input[name="chatroom"]').fill(room);
  await modal.locator('input[name="join"]').click();
  await expectText(page, 'converse-muc .chatbox-title__text', room);
}

async function expectAddin(page, context) {
  step('see the add-in link');
  const name = env('PERCH_ADDIN_NAME');
  const addinUrl = env('PERCH_ADDIN_URL');
  const button = page.locator('converse-muc .perch-addin');
  await button.waitFor();
  const title = await button.getAttribute('title');
  if (!title.includes(name) || !title.includes(addinUrl)) {
    throw new Error(`the add-in button should name ${name} and ${addinUrl}, but says "${title}"`);
  }
  step('open the add-in');
  // The add-in's site is not on this machine: the browser is given a page for it instead.
  await context.route(`${addinUrl}**`, (route) => route.fulfill({ contentType: 'text/html', body: 'the add-in' }));
  const [opened] = await Promise.all([context.waitForEvent('page', { timeout: TIMEOUT }), button.click()]);
  await opened.waitForLoadState();
  if (opened.url() !== addinUrl) {
    throw new Error(`the add-in should open ${addinUrl}, but opened ${opened.url()}`);
  }
  await opened.close();
}

async function post(page, text) {
  step('post a message');
  const box = page.locator('converse-muc textarea.chat-textarea');
  await box.fill(text);
  await box.press('Enter');
  await expectText(page, 'converse-muc .chat-msg__text', text);
}

async function expectReply(page) {
  step('see the second session\'s message arrive');
  console.log('waiting: second session');
  await expectText(page, 'converse-muc .chat-msg__text', env('PERCH_REPLY'));
}

/** XEP-0363: attach a file in the room; the message links to the server's copy, which the browser can fetch. */
async function uploadAFile(page) {
  step('upload a file');
  const dir = mkdtempSync(join(tmpdir(), 'perch-upload-'));
  const file = join(dir, 'minutes.txt');
  writeFileSync(file, 'minutes of the planning meeting\n');
  try {
    await page.locator('converse-muc input.fileupload').setInputFiles(file);
    const link = page.locator('converse-muc .chat-msg__text a', { hasText: 'minutes.txt' });
    await link.first().waitFor({ timeout: TIMEOUT });
    const href = await link.first().getAttribute('href');
    const fetched = await page.evaluate(async (address) => (await fetch(address)).text(), href);
    if (!fetched.includes('minutes of the planning meeting')) {
      throw new Error(`the uploaded file at ${href} should read back, but reads "${fetched}"`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await runInChromium({ timeout: TIMEOUT, screenshot }, async (page, context) => {
  await signIn(page);
  // Once bookmarks exist (branch followed-rooms): await expectFollowedRoom(page);
  await joinTheRoom(page);
  if (steps === 'upload') {
    await uploadAFile(page);
  } else {
    await expectAddin(page, context);
    await post(page, env('PERCH_MESSAGE'));
    await expectReply(page);
  }
  await page.screenshot({ path: screenshot });
});
