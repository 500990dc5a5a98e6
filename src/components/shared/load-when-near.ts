/**
 * Starts a tool's script (the alert rules, the base-image helper, the workers calculator, a
 * table's sorting and filter), which defines the tool's custom element, when the reader comes
 * within a screen of the tool, not on load: the whole sheet holds every tool far below its first
 * screen, and a reader there for the Dockerfile should not download and run them. The built HTML
 * already shows each tool at the sheet's values, so until then it reads and prints right; the
 * reader's settings change what a tool shows, so once they are filled into the page
 * (settings-ui.ts, on load when stored or linked, or as they are typed) every tool starts at once.
 */

/**
 * current-settings.ts's SETTINGS_EVENT, spelled here so that every tool's first script does not
 * fetch the settings' rules for one string (src/components/shared/load-when-near.test.ts keeps the two equal).
 */
export const NEAR_SETTINGS_EVENT = 'cheat-sheet:settings';

/**
 * Runs `start`, which defines the custom element `tagName`, once: when one of the page's
 * `tagName` elements nears the viewport, or the settings are filled in.
 */
export function loadWhenNear(tagName: string, start: () => Promise<unknown>): void {
	const targets = [...document.querySelectorAll(tagName)];
	if (!targets.length) return;
	let started: Promise<unknown> | undefined;
	let ready = false;
	const observer = new IntersectionObserver(
		(entries) => {
			if (entries.some((entry) => entry.isIntersecting)) void run();
		},
		{ rootMargin: '100% 0px' },
	);
	function run(): Promise<unknown> {
		if (!started) {
			observer.disconnect();
			started = start().then(() => (ready = true));
		}
		return started;
	}
	// A button pressed before the script is there (a click, or Enter right after jumping to the
	// tool) is held and pressed again once it is: nothing the reader does is lost, and no control
	// has to wait disabled, out of the keyboard's reach. A tool's table is an element of its own
	// inside the tool's: each holds the press until its script is there, the tool's first.
	const replay = (event: Event) => {
		const button = event.target instanceof Element ? event.target.closest('button') : null;
		if (ready || !button) return;
		event.preventDefault();
		event.stopImmediatePropagation();
		void run().then(() => button.click());
	};
	for (const target of targets) target.addEventListener('click', replay, { capture: true });
	// The header's button carries the mark once settings-ui has filled in values that differ from the sheet's.
	if (document.querySelector('[data-settings-open][data-customized]')) {
		void run();
		return;
	}
	document.addEventListener(NEAR_SETTINGS_EVENT, () => void run(), { once: true });
	for (const target of targets) observer.observe(target);
}
