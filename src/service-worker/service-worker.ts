/// <reference lib="webworker" />
/**
 * The service worker, bundled after the build by src/integrations/service-worker.ts, which also
 * writes the precache list (every page, asset and search file) in place of `self.__WB_MANIFEST`.
 * With it the whole site works offline after one visit.
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { PrecacheFallbackPlugin, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { offlineNavigationPlugin } from '#lib/offline/offline-navigation.ts';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST, {
	// A static site's files never depend on the query: `/metrics/?type=Gauge` is
	// `/metrics/index.html`, and Pagefind's `pagefind-entry.json?ts=…` cache-buster must find the
	// precached entry offline (the entry then changes with each deploy, and its revision with it).
	ignoreURLParametersMatching: [/.*/],
	directoryIndex: 'index.html',
});

// Pages the precache does not hold (an unknown address, `/workers` without its slash) still come
// from the network; with none, the redirect or the 404 page. In this order: the redirect plugin
// first, then the precached 404 page. (Workbox's own class types its callbacks as optional
// properties, which this project's `exactOptionalPropertyTypes` tells apart from `undefined`.)
const notFoundPage = new PrecacheFallbackPlugin({ fallbackURL: '404.html' }) as WorkboxPlugin;
registerRoute(
	({ request }) => request.mode === 'navigate',
	new NetworkOnly({ plugins: [offlineNavigationPlugin, notFoundPage] }),
);

clientsClaim();

self.addEventListener('message', (event) => {
	// A new version waits until the reader chooses to reload (see OfflineStatus).
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
	// A page served from the precache cannot trust `navigator.onLine` (some browser builds report
	// `true` in a page opened with no network), so it asks the worker, which tries the network for
	// its own script: the one file it never answers from the precache.
	const port = event.ports[0];
	if (event.data?.type === 'PROBE_NETWORK' && port) {
		const probe = fetch(self.location.href, {
			method: 'HEAD',
			cache: 'no-store',
			signal: AbortSignal.timeout(4000),
		}).then(
			() => true,
			() => false,
		);
		event.waitUntil(probe.then((online) => port.postMessage({ online })));
	}
});
