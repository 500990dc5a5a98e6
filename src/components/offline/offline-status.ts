/** The offline note's behaviour (markup and style: OfflineStatus.astro); runs on every page. */
import { Workbox, messageSW } from 'workbox-window';
import { notePlace, type Box } from '#lib/offline/note-placement.ts';

export function startOfflineStatus() {
	const box = document.querySelector<HTMLElement>('.offline-status');
	const message = box?.querySelector('.message');
	const reload = box?.querySelector<HTMLButtonElement>('.reload');

	function show(text: string, state: string, withReload = false) {
		if (!box || !message || !reload) return;
		message.textContent = text;
		box.dataset['state'] = state;
		reload.hidden = !withReload;
		box.hidden = false;
		placeNote();
	}

	/** Where the reader was before focus entered the note, to go back to when it is dismissed. */
	let focusBeforeNote: HTMLElement | undefined;
	document.addEventListener('focusin', (event) => {
		if (event.target instanceof HTMLElement && !box?.contains(event.target))
			focusBeforeNote = event.target;
	});
	box?.querySelector('.dismiss')?.addEventListener('click', () => {
		const hadFocus = box.contains(document.activeElement);
		box.hidden = true;
		if (hadFocus)
			(focusBeforeNote?.isConnected
				? focusBeforeNote
				: document.querySelector<HTMLElement>('#starlight__sidebar a, main a')
			)?.focus();
	});

	/** Keeps the note off the focused element: measured in both places, placed where it hides nothing. */
	function placeNote() {
		if (!box || box.hidden) return;
		const focused = document.activeElement;
		const target: Box | undefined =
			focused && focused !== document.body && !box.contains(focused)
				? focused.getBoundingClientRect()
				: undefined;
		const measure = (place: string) => {
			box.dataset['place'] = place;
			return box.getBoundingClientRect();
		};
		box.dataset['place'] = notePlace(target, { top: measure('top'), bottom: measure('bottom') });
	}
	let placing = 0;
	const schedulePlacing = () => {
		cancelAnimationFrame(placing);
		placing = requestAnimationFrame(placeNote);
	};
	// Focus moves, and the page scrolls the focused element into view after it has moved.
	document.addEventListener('focusin', () => {
		placeNote();
		schedulePlacing();
	});
	document.addEventListener('focusout', schedulePlacing);
	addEventListener('scroll', schedulePlacing, { passive: true });
	addEventListener('resize', schedulePlacing, { passive: true });
	const showOffline = () => show('Offline: pages and search come from this device.', 'offline');
	window.addEventListener('offline', showOffline);
	if (!navigator.onLine) showOffline();
	window.addEventListener('online', () => {
		if (box?.dataset['state'] === 'offline') box.hidden = true;
	});

	/**
	 * A page the service worker served from the precache may have been opened with no network
	 * although `navigator.onLine` says `true` (it does in some browser builds), so the worker is
	 * asked to try the network. Only then: a page that came from the network needs no probe, and
	 * a worker from an older deploy that does not answer leaves the note as it is.
	 */
	async function probeNetwork(worker: ServiceWorker) {
		const noAnswer = new Promise<undefined>((resolve) => setTimeout(resolve, 6000));
		const answer: { online?: boolean } | undefined = await Promise.race([
			messageSW(worker, { type: 'PROBE_NETWORK' }),
			noAnswer,
		]);
		if (answer?.online === false && navigator.onLine) showOffline();
	}

	if ('serviceWorker' in navigator && import.meta.env.PROD) {
		const base = import.meta.env.BASE_URL;
		const workbox = new Workbox(`${base}sw.js`, { scope: base });
		workbox.addEventListener('activated', (event) => {
			if (event.isUpdate) return;
			show('Saved for offline use: every page and search now work without a network.', 'ready');
			// Good news needs no answer: it steps aside by itself.
			setTimeout(() => {
				if (box?.dataset['state'] === 'ready') box.hidden = true;
			}, 8000);
		});
		workbox.addEventListener('waiting', () =>
			show('A new version of the cheat sheet is ready.', 'update', true),
		);
		reload?.addEventListener('click', () => {
			workbox.addEventListener('controlling', () => location.reload());
			workbox.messageSkipWaiting();
		});
		// Where a browser refuses service workers (private windows, policies), the site still works online.
		workbox.register().catch(() => undefined);
		const servedBy = navigator.serviceWorker.controller;
		if (servedBy && navigator.onLine) {
			// After the page's own loading, so the probe never competes with it.
			if (document.readyState === 'complete') void probeNetwork(servedBy);
			else window.addEventListener('load', () => void probeNetwork(servedBy), { once: true });
		}
	}
}
