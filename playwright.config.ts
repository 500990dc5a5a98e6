import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/**
 * The same suite runs against a build for the root and one for a sub-path. PORT moves both
 * servers, so two checkouts can run their suites side by side.
 */
const port = Number(process.env['PORT'] ?? 4321);
const builds = [
	{ name: 'root', port, base: '/', outDir: './dist' },
	// The markup, scripts and search index are the same under a sub-path, so behaviour is tested
	// once, on the root build. The sub-path build runs what resolves a URL: the specs about pages,
	// links, headers, offline and 404s, and every other test tagged `@subpath` (share links, `?q=`,
	// result links, downloads, state kept in the URL or in storage).
	{
		name: 'subpath',
		port: port + 1,
		base: '/docs/cheat-sheet/',
		outDir: './dist-subpath',
		grep: /@subpath|\b(pages|links|headers|offline|not-found)\.spec\.ts\b/,
	},
];

export default defineConfig({
	testDir: './tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	reporter: process.env.CI ? 'line' : 'list',
	use: {
		trace: 'off',
		launchOptions: chromiumLaunchOptions,
		// Each test's fresh context would install the service worker and fetch its whole precache
		// (about 1 MiB) for nothing. The specs about the worker (offline, headers) allow it.
		serviceWorkers: 'block',
	},
	projects: builds.map((build) => ({
		name: build.name,
		use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${build.port}${build.base}` },
		metadata: { outDir: build.outDir },
		...(build.grep ? { grep: build.grep } : {}),
	})),
	// Each build is served with the headers of its own `_headers` file, Content-Security-Policy
	// included, so every test runs under the policy that ships (see scripts/static-host.ts).
	webServer: builds.map((build) => ({
		command: `node scripts/static-host.ts ${build.outDir} ${build.base} ${build.port}`,
		url: `http://127.0.0.1:${build.port}${build.base}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
	})),
});
