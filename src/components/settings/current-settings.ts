/**
 * The reader's settings for the page's tools (workers calculator, alert rules, base images): the
 * values now (a link's over the defaults, else the stored ones, as the settings dialog loads them) and each change typed in
 * the dialog, which settings-ui.ts announces with a `cheat-sheet:settings` event on `document`.
 */
import { type SettingValues } from '#lib/settings/rules.ts';
import { loadSettings, SETTINGS_STORAGE_KEY } from '#lib/settings/persistence.ts';

export const SETTINGS_EVENT = 'cheat-sheet:settings';

export function currentSettings(): SettingValues {
	let stored: string | null = null;
	try {
		stored = localStorage.getItem(SETTINGS_STORAGE_KEY);
	} catch {
		// No storage: the link's values and the defaults.
	}
	return loadSettings(stored, location.search).values;
}

/** Calls `callback` with the values each time they change, until `signal` aborts (a tool leaving the page). */
export function onSettingsChange(
	callback: (values: SettingValues) => void,
	signal: AbortSignal,
): void {
	document.addEventListener(
		SETTINGS_EVENT,
		(event) => callback((event as CustomEvent<SettingValues>).detail),
		{ signal },
	);
}
