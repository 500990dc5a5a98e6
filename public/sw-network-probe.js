// Imported by the Workbox service worker (see src/integrations/service-worker.ts). A page served
// from the precache cannot trust `navigator.onLine` (some browser builds report `true` in a page
// opened with no network), so it asks the worker, which tries the network for its own script:
// the one file it never answers from the precache. The answer goes back on the message's port.
self.addEventListener('message', (event) => {
	if (event.data?.type !== 'PROBE_NETWORK' || !event.ports[0]) return;
	const port = event.ports[0];
	const probe = fetch(self.location.href, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(4000) }).then(
		() => true,
		() => false,
	);
	event.waitUntil(probe.then((online) => port.postMessage({ online })));
});
