/**
 * Generates the service worker with Workbox once the build, Pagefind's index included, is
 * written: every page, asset and search file is precached, so the site works offline after
 * one visit. Runs after Starlight's own build hook, which writes the index.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { offlineNavigationPlugin } from '../lib/offline-navigation.ts';

export function serviceWorker(): AstroIntegration {
	return {
		name: 'cheat-sheet:service-worker',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const globDirectory = fileURLToPath(dir);
				const { count, size, warnings } = await generateSW({
					globDirectory,
					globPatterns: ['**/*'],
					// Pagefind also writes UIs that Starlight does not load (it bundles its own).
					globIgnores: ['sw.js', 'sw-network-probe.js', 'sitemap*.xml', '_headers', 'pagefind/pagefind-{ui,modular-ui,component-ui}.*', 'pagefind/pagefind-highlight.js'],
					swDest: join(globDirectory, 'sw.js'),
					// Answers the page's "is the network there?" (see OfflineStatus).
					importScripts: ['sw-network-probe.js'],
					// A static site's files never depend on the query: `/metrics/?type=Gauge` is
					// `/metrics/index.html`, and Pagefind's `pagefind-entry.json?ts=…` cache-buster
					// must find the precached entry offline (the entry then changes with each deploy,
					// together with the service worker's revision of it).
					ignoreURLParametersMatching: [/.*/],
					directoryIndex: 'index.html',
					// Pages the precache does not hold (an unknown address, `/workers` without its
					// slash) still come from the network; with none, the redirect or the 404 page.
					runtimeCaching: [
						{
							urlPattern: ({ request }) => request.mode === 'navigate',
							handler: 'NetworkOnly',
							options: {
								// In this order: the plugin first, then Workbox's fallback to the precached page.
								plugins: [offlineNavigationPlugin],
								precacheFallback: { fallbackURL: '404.html' },
							},
						},
					],
					clientsClaim: true,
					// A new version waits until the reader chooses to reload (see OfflineStatus).
					skipWaiting: false,
					inlineWorkboxRuntime: true,
					mode: 'production',
					sourcemap: false,
				});
				for (const warning of warnings) logger.warn(warning);
				logger.info(`Service worker precaches ${count} files, ${(size / 1024).toFixed(0)} KiB.`);
			},
		},
	};
}
