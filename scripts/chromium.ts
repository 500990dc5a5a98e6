/**
 * Debian's Chromium where it is installed (Playwright's own browser download is not reachable
 * here), with flags that keep it from calling any host but the local servers: one definition for
 * the tests, the benchmark and the screenshots.
 */
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

export const chromiumFlags = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** Launch options for Playwright's `chromium.launch`. */
export const chromiumLaunchOptions = {
	...(existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}),
	args: chromiumFlags,
};
