// Drives Perch's web client (Converse.js, served at / on the HTTP port) in Debian's headless Chromium, as a user
// would: WebClientIT runs it against a real server and plays the second session from the Java side.
//
// Environment: PERCH_URL (https://localhost:<http port>/: the domain, the origin of file links), PERCH_USER and
// PERCH_PASSWORD (who signs in; the domain is the server's), PERCH_ROOM (the room's name, which is also its
// address), PERCH_ADDIN_NAME and PERCH_ADDIN_URL (the room's add-in), PERCH_MESSAGE (what this user posts),
// PERCH_REPLY (what the second session posts), PERCH_SCREENSHOT (where to save the picture of the page), and
// PERCH_STEPS: "chat" (the user follows PERCH_ROOM already: it must be joined and listed at sign-in; then the
// add-in, a post and the second session's answer) or "upload" (join PERCH_ROOM by name, post a file, download it
// through the link shown).
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
  const converseScript = page.waitForResponse((response) => response.url().endsWith('/converse.min.js'));
  await page.goto(url);
  // Chromium accepts gzip: Converse's 1.3 MB script must come compressed.
  const encoding = await (await converseScript).headerValue('content-encoding');
  if (encoding !== 'gzip') {
    throw new Error(`converse.min.js should be sent with gzip, but its Content-Encoding is ${encoding}`);
  }
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
 * "Sees followed rooms": a room the user follows (an XEP-0402 bookmark with autojoin, published before signing in)
 * is joined as the client starts, its conversation open, and is listed among the user's bookmarks.
 */
async function expectFollowedRoom(page) {
  step('see the followed room joined');
  await expectText(page, 'converse-rooms-list .list-item', room);
  await expectText(page, 'converse-muc .chatbox-title__text', room);
  step('see the followed room among the bookmarks');
  await page.locator('converse-rooms-list .dropdown-toggle').first().click();
  await page.locator('.show-bookmark-list-modal').click();
  await expectText(page, 'converse-bookmarks .open-room', room);
  await page.keyboard.press('Escape');
  await page.locator('converse-bookmark-list-modal .modal').waitFor({ state: 'hidden' });
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

/**
 * XEP-0363: attach a file in the room; the message links to the server's copy on the page's own origin, and what
 * the browser downloads through that link is exactly what it uploaded.
 */
async function uploadAFile(page) {
  step('upload a file');
  const dir = mkdtempSync(join(tmpdir(), 'perch-upload-'));
  const file = join(dir, 'minutes.txt');
  const content = 'minutes of the planning meeting\n\u00e9t\u00e9: 2 \u20ac\n';
  writeFileSync(file, content);
  try {
    await page.locator('converse-muc input.fileupload').setInputFiles(file);
    // The page shows the message as sent at once, with the file's plain URL, which downloads nothing by itself:
    // the room gives every reader a link of their own (?u=<reader>&t=<token>), and its echo of the message puts
    // this user's in place of the plain one.
    const link = page.locator('converse-muc .chat-msg__text a[href*="&t="]', { hasText: 'minutes.txt' }).first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    step('download the file through its link');
    if (new URL(href).origin !== new URL(url).origin) {
      throw new Error(`the file's link ${href} should be on the page's origin ${new URL(url).origin}`);
    }
    const fetched = await page.evaluate(async (address) => {
      const response = await fetch(address);
      return { status: response.status, bytes: Array.from(new Uint8Array(await response.arrayBuffer())) };
    }, href);
    const expected = Array.from(Buffer.from(content, 'utf8'));
    if (fetched.status !== 200 || JSON.stringify(fetched.bytes) !== JSON.stringify(expected)) {
      throw new Error(`the file at ${href} should download as the ${expected.length} bytes uploaded, but gave HTTP `
        + `${fetched.status} and ${fetched.bytes.length} bytes: "${Buffer.from(fetched.bytes).toString('utf8')}"`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await runInChromium({ timeout: TIMEOUT, screenshot }, async (page, context) => {
  await signIn(page);
  if (steps === 'upload') {
    await joinTheRoom(page);
    await uploadAFile(page);
  } else {
    await expectFollowedRoom(page);
    await expectAddin(page, context);
    await post(page, env('PERCH_MESSAGE'));
    await expectReply(page);
  }
  await page.screenshot({ path: screenshot });
});
