/**
 * Headless Chromium for the browser tests: Debian's `chromium` package (or `CHROMIUM_PATH`),
 * driven by playwright-core, started as this workplace needs it (as root, with no background
 * networking, which the closed network would refuse).
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where the browser is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Starts headless Chromium. Without it the calling test fails with what to do (nothing is
 * skipped): run `scripts/ci-install-browser.sh`, or set `CHROMIUM_PATH`.
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * ```
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: run scripts/ci-install-browser.sh (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
