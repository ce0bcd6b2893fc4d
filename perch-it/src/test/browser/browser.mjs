// What both browser scripts share: reading their environment, printing their steps, and running their steps in
// Debian's headless Chromium (playwright-core never downloads a browser here; ensure-chromium.sh installs
// /usr/bin/chromium) on a fresh profile, failing on any script error or Content-Security-Policy block of the page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** The environment variable's value; throws if it is not set. */
export const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};

/** Prints a step, which the Java side of the test asserts on. */
export const step = (what) => console.log(`step: ${what}`);

/**
 * Runs `steps(page, context)` on the first page of a fresh Chromium profile with `timeout` as the page's default,
 * then exits: 0 when the steps passed and the page reported no script error and no Content-Security-Policy block,
 * 1 otherwise, with the failure printed and a screenshot of the page at `screenshot` with `-failed` before `.png`.
 */
export async function runInChromium({ timeout, screenshot }, steps) {
  const profile = mkdtempSync(join(tmpdir(), 'perch-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    // The server's certificate is self-signed: trusted here, in the test, and nowhere else.
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    // This machine's network is closed: without the background-networking switches Chromium's own calls home fail.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  let failed = false;
  try {
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(timeout);
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) {
        problems.push(`blocked by the page's policy: ${message.text()}`);
      }
    });

    await steps(page, context);

    if (problems.length > 0) {
      throw new Error(problems.join('\n'));
    }
    console.log('passed: every step');
  } catch (e) {
    failed = true;
    console.error(`failed: ${e.message}`);
    if (problems.length > 0) {
      console.error(problems.join('\n'));
    }
    const page = context.pages()[0];
    if (page) {
      await page.screenshot({ path: screenshot.replace(/\.png$/, '-failed.png') }).catch(() => {});
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}
