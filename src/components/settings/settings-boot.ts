/**
 * What every page loads of the settings: a few lines that enable the header button and the
 * Download buttons. The settings' rules, the places and the dialog's logic (settings-ui.ts) load
 * only when there is something to fill (values stored in this browser, or a query that may carry
 * some) or when the reader reaches for a button; at the sheet's values a page runs none of it.
 */
/**
 * settings.ts's SETTINGS_STORAGE_KEY, spelled here so that every page does not fetch a chunk of its
 * own for one string (src/components/settings/settings-boot.test.ts keeps the two equal).
 */
export const BOOT_STORAGE_KEY = 'cheat-sheet:settings:v1';

type SettingsUi = typeof import('./settings-ui.ts');
let ui: Promise<SettingsUi> | undefined;

function loadUi(): Promise<SettingsUi> {
	ui ??= import('./settings-ui.ts').then((module) => {
		module.startSettings();
		return module;
	});
	return ui;
}

function hasStoredSettings(): boolean {
	try {
		return localStorage.getItem(BOOT_STORAGE_KEY) !== null;
	} catch {
		return false;
	}
}

export function bootSettings(): void {
	const opener = document.querySelector<HTMLButtonElement>('[data-settings-open]');
	if (!opener) return;
	if (hasStoredSettings() || location.search) void loadUi();

	// Fetched as the pointer or focus comes near, so the dialog opens at once on the click.
	for (const type of ['pointerenter', 'focus'] as const)
		opener.addEventListener(type, () => void loadUi(), { once: true });
	opener.addEventListener('click', () => void loadUi().then((module) => module.openSettings()));
	opener.disabled = false;

	// The panel above a page's templates: its fields work once the settings script is there.
	for (const panel of document.querySelectorAll<HTMLElement>('.template-settings')) {
		panel.addEventListener('toggle', () => void loadUi(), { once: true });
		panel.addEventListener('focusin', () => void loadUi(), { once: true });
	}

	for (const button of document.querySelectorAll<HTMLButtonElement>('.template [data-download]')) {
		const template = button.closest<HTMLElement>('.template');
		const name = button.dataset['download'];
		if (!template || !name) continue;
		button.addEventListener(
			'click',
			() => void loadUi().then((module) => module.download(template, name)),
		);
		button.disabled = false;
	}
}
