/**
 * The settings dialog and the live templates (issue 10). Values come from the defaults, this
 * browser's storage and a share link (a link's values over the defaults), and every template on the page takes them: the
 * build marked each place in the highlighted code (ec.config.mjs, `setting-value` spans), so this
 * only swaps text, keeping the token's colour span; the copy button's `data-code` and the Download
 * button get the filled text from `fillTemplate`. Every value shown has passed its rule, and all
 * text is set as text (`textContent`, `data`), never as markup.
 */
import { copyWithFeedback } from '#components/shared/clipboard.ts';
import { SETTINGS_EVENT } from './current-settings.ts';
import { fillTemplate, isCustomized, placeRanges } from '#lib/settings/fill.ts';
import {
	applySettingInput,
	defaultSettings,
	settingDefinitions,
	type SettingKey,
	type SettingValues,
} from '#lib/settings/rules.ts';
import {
	SETTINGS_STORAGE_KEY,
	loadSettings,
	settingsToUrlQuery,
	storedSettings,
	writeSettingsToParams,
} from '#lib/settings/persistence.ts';

/** Expressive Code's copy button holds the code with each newline as U+007F. */
const EC_NEWLINE = '\u007f';

/** Each template's own text (the sheet's), read once from its copy button before anything changes it. */
const sheetText = new WeakMap<HTMLElement, string>();
/** Each marked part's own text, so a value back at its default shows exactly the build's tokens. */
const partText = new WeakMap<Element, string>();

function readStorage(): string | null {
	try {
		return localStorage.getItem(SETTINGS_STORAGE_KEY);
	} catch {
		return null;
	}
}

function writeStorage(values: SettingValues): void {
	try {
		if (isCustomized(values)) localStorage.setItem(SETTINGS_STORAGE_KEY, storedSettings(values));
		else localStorage.removeItem(SETTINGS_STORAGE_KEY);
	} catch {
		// Storage refused (private mode, full): the values still apply to this page.
	}
}

function copyButton(template: HTMLElement): HTMLElement | null {
	return template.querySelector<HTMLElement>('.copy button[data-code]');
}

function templateText(template: HTMLElement): string | undefined {
	let text = sheetText.get(template);
	if (text === undefined) {
		const code = copyButton(template)?.dataset['code'];
		if (code === undefined) return undefined;
		text = code.replaceAll(EC_NEWLINE, '\n');
		sheetText.set(template, text);
	}
	return text;
}

/** A marked part's text nodes: the first gets `text`, the rest are emptied. */
function setPartText(part: Element, text: string): void {
	const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
	let first = true;
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		(node as Text).data = first ? text : '';
		first = false;
	}
}

/** One template filled with `values`: its marked places, its copy button, its download. */
function fillOne(template: HTMLElement, values: SettingValues): void {
	const file = template.dataset['snippet'];
	const original = templateText(template);
	if (!file || original === undefined) return;
	const filled = fillTemplate(file, original, values);
	const button = copyButton(template);
	if (button) button.dataset['code'] = filled.replaceAll('\n', EC_NEWLINE);
	template.dataset['filled'] = filled === original ? 'sheet' : 'custom';
	const lines = filled.split('\n');
	placeRanges(file, values).forEach((range, place) => {
		const parts = [...template.querySelectorAll(`.setting-value[data-place="${place}"]`)];
		for (const part of parts) if (!partText.has(part)) partText.set(part, part.textContent ?? '');
		const changed = values[range.setting] !== defaultSettings[range.setting];
		if (!changed) {
			for (const part of parts) setPartText(part, partText.get(part) ?? '');
		} else {
			const text = lines[range.line - 1]?.slice(range.start, range.end) ?? '';
			parts.forEach((part, index) => setPartText(part, index === 0 ? text : ''));
		}
		for (const part of parts) part.classList.toggle('changed', changed);
	});
}

function fillTemplates(values: SettingValues): void {
	for (const template of document.querySelectorAll<HTMLElement>('.template[data-snippet]'))
		fillOne(template, values);
	document
		.querySelector('[data-settings-open]')
		?.toggleAttribute('data-customized', isCustomized(values));
	// The page's tools follow too (src/components/settings/current-settings.ts).
	document.dispatchEvent(new CustomEvent(SETTINGS_EVENT, { detail: { ...values } }));
}

/** The template's current text as a file: filled, with the final newline a text file ends with. */
export function download(template: HTMLElement, name: string): void {
	const code = copyButton(template)?.dataset['code'] ?? '';
	// Not text/plain: Chromium would save `Dockerfile` as `Dockerfile.txt`.
	const blob = new Blob([`${code.replaceAll(EC_NEWLINE, '\n')}\n`], {
		type: 'application/octet-stream',
	});
	const link = document.createElement('a');
	link.href = URL.createObjectURL(blob);
	link.download = name;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

type SettingField = HTMLInputElement | HTMLSelectElement;

/** A setting's fields: the dialog's, and the inline panel's above a page's templates, if any. */
function fields(key: SettingKey): SettingField[] {
	return [...document.querySelectorAll<SettingField>(`[data-setting-field="${key}"]`)];
}

/** A field's message beside it (as text), and its invalid state; its error element is `#<id>-error`. */
function showError(input: SettingField, message: string | undefined): void {
	const error = document.getElementById(`${input.id}-error`);
	if (error) error.textContent = message ?? '';
	if (message) input.setAttribute('aria-invalid', 'true');
	else input.removeAttribute('aria-invalid');
}

/** Every field shows `values`, except the one being typed in. */
function showValues(values: SettingValues, except: Element | null = document.activeElement): void {
	for (const { key } of settingDefinitions) {
		for (const input of fields(key)) {
			if (input === except) continue;
			input.value = values[key];
			showError(input, undefined);
		}
	}
}

let started = false;

/**
 * Loads the values (a link's over the defaults, else the stored ones), fills every template and wires the dialog. The
 * page's small script (settings-boot.ts) calls it when there is something to fill or the reader
 * reaches for the settings; a second call does nothing.
 */
export function startSettings(): void {
	const dialog = document.querySelector<HTMLDialogElement>('#settings-dialog');
	const status = document.querySelector<HTMLElement>('[data-settings-status]');
	if (started || !dialog) return;
	started = true;

	const params = new URLSearchParams(location.search);
	const loaded = loadSettings(readStorage(), location.search);
	let values = loaded.values;

	if (loaded.loadedFromLink || loaded.problems.length) {
		// The link's values are now the reader's; the address keeps only what is not a setting, so a
		// reload does not undo what is typed next.
		if (loaded.loadedFromLink) writeStorage(values);
		const rest = writeSettingsToParams(params, {}).toString();
		history.replaceState(
			history.state,
			'',
			`${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`,
		);
		showNotice(
			loaded.loadedFromLink,
			loaded.problems.map((problem) => problem.message),
		);
	}
	showValues(values);
	fillTemplates(values);

	for (const { key } of settingDefinitions) {
		for (const input of fields(key)) {
			input.disabled = false;
			input.addEventListener('input', () => {
				const result = applySettingInput(values, key, input.value);
				showError(input, result.error);
				if (result.error) return;
				values = result.values;
				writeStorage(values);
				showValues(values, input);
				fillTemplates(values);
			});
		}
	}

	dialog.querySelector('[data-settings-close]')?.addEventListener('click', () => dialog.close());
	dialog.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
	// A click on the backdrop (outside the form) closes the dialog, as Escape does.
	dialog.addEventListener('click', (event) => {
		if (event.target === dialog) dialog.close();
	});

	dialog
		.querySelector<HTMLButtonElement>('[data-settings-reset]')
		?.addEventListener('click', () => {
			values = { ...defaultSettings };
			writeStorage(values);
			showValues(values, null);
			fillTemplates(values);
			if (status) status.textContent = 'Every template shows the sheet’s values again.';
		});

	const share = dialog.querySelector<HTMLButtonElement>('[data-settings-share]');
	share?.addEventListener('click', () => {
		const query = settingsToUrlQuery(values);
		const url = `${location.origin}${location.pathname}${query ? `?${query}` : ''}`;
		void copyWithFeedback(url, share, status);
	});

	// Another tab changed the settings: follow it.
	window.addEventListener('storage', (event: StorageEvent) => {
		if (event.key !== SETTINGS_STORAGE_KEY) return;
		values = loadSettings(event.newValue, '').values;
		showValues(values, null);
		fillTemplates(values);
	});
}

export function openSettings(): void {
	startSettings();
	document.querySelector<HTMLDialogElement>('#settings-dialog')?.showModal();
}

function showNotice(loadedFromLink: boolean, problems: string[]): void {
	const notice = document.querySelector<HTMLElement>('[data-settings-notice]');
	const text = notice?.querySelector<HTMLElement>('[data-settings-notice-text]');
	if (!notice || !text) return;
	const heading = document.createElement('p');
	const count = problems.length === 1 ? 'one value' : `${problems.length} values`;
	heading.textContent = !loadedFromLink
		? 'The link’s settings could not be used, so yours are unchanged:'
		: problems.length
			? `Settings loaded from the link, except ${count} it could not use. What it leaves out is the sheet’s default:`
			: 'Settings loaded from the link. What it leaves out is the sheet’s default.';
	text.replaceChildren(heading);
	if (problems.length) {
		const list = document.createElement('ul');
		for (const problem of problems) {
			const item = document.createElement('li');
			item.textContent = problem;
			list.append(item);
		}
		text.append(list);
	}
	notice.hidden = false;
	const close = () => {
		notice.hidden = true;
	};
	notice.querySelector('[data-settings-notice-close]')?.addEventListener('click', close);
	notice.querySelector('[data-settings-notice-open]')?.addEventListener('click', () => {
		close();
		// The dialog hands focus back to what opened it; the notice is gone by then, so the header
		// button stands in as the opener.
		document.querySelector<HTMLElement>('[data-settings-open]')?.focus();
		openSettings();
	});
}
