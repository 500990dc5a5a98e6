/**
 * The reader's settings on their way in and out: a share link's query (`?service=orders&port=9000`)
 * and this browser's localStorage, and what the page starts from when both are there (a link's
 * values over the defaults, else the stored ones). Pure: the address bar and the storage live in
 * components.
 */
import { quoted } from '#lib/quote.ts';
import { asciiLower } from './grammars.ts';
import {
	mergeSettings,
	nonDefaultSettings,
	settingDefinitions,
	type SettingKey,
	type SettingValues,
} from './rules.ts';

export interface SettingProblem {
	/** The query parameter, as the link spells it. */
	param: string;
	key: SettingKey;
	/** What the link held. */
	value: string;
	/** Why it was not used; it names the rule. */
	message: string;
}

/** A parameter's name as a reader may spell it: `sample-rate`, `sampleRate`, `SAMPLE_RATE` are one. */
function looseParamName(name: string): string {
	return asciiLower(name).replace(/[-_]/g, '');
}

/**
 * The settings a link carries (`?service=orders&port=9000`, with or without the `?`): each value
 * that passes its rule, and for each that does not, the parameter and why. A setting's parameter
 * is read in any case and with or without its dashes (`sampleRate`, `SERVICE`), as readers type
 * links by hand. Parameters that are no setting's (`q` for search, `type` for the metrics table)
 * are left alone. A setting given twice uses its first value, and the problems say so.
 */
export function parseSettingsFromUrl(search: string): {
	values: Partial<SettingValues>;
	problems: SettingProblem[];
} {
	const given = new Map<SettingKey, Array<{ param: string; raw: string }>>();
	for (const [param, raw] of new URLSearchParams(search)) {
		const definition = settingDefinitions.find(
			(entry) => looseParamName(entry.param) === looseParamName(param),
		);
		if (definition)
			given.set(definition.key, [...(given.get(definition.key) ?? []), { param, raw }]);
	}
	const values: Partial<SettingValues> = {};
	const problems: SettingProblem[] = [];
	for (const { key, label, validate } of settingDefinitions) {
		const [first, ...others] = given.get(key) ?? [];
		if (!first) continue;
		const checked = validate(first.raw);
		if ('value' in checked) values[key] = checked.value;
		else
			problems.push({
				param: first.param,
				key,
				value: first.raw,
				message: `${label} in the link (${first.param}): ${checked.error}`,
			});
		const ignored = others.filter((other) => other.raw !== first.raw);
		if (ignored.length) {
			const list = ignored.map((other) => quoted(other.raw)).join(', ');
			problems.push({
				param: first.param,
				key,
				value: ignored[0]?.raw ?? '',
				message: `${label} is in the link more than once: the first value was read, not ${list}.`,
			});
		}
	}
	return { values, problems };
}

/** `params` with the settings written in (any spelling of a setting's parameter replaced): non-default values only, in definition order; other parameters kept. */
export function writeSettingsToParams(
	params: URLSearchParams,
	values: Partial<SettingValues>,
): URLSearchParams {
	const next = new URLSearchParams(params);
	const settingParams = new Set(settingDefinitions.map(({ param }) => looseParamName(param)));
	for (const name of new Set(next.keys()))
		if (settingParams.has(looseParamName(name))) next.delete(name);
	const changed = nonDefaultSettings(values);
	for (const { key, param } of settingDefinitions) {
		const value = changed[key];
		if (value !== undefined) next.append(param, value);
	}
	return next;
}

/**
 * The query a share link needs (`service=orders&port=9000`, no `?`): non-default values only, in
 * the settings' order; empty at the defaults. The colon of `app=app.main:app` stays readable; a
 * version's `+` is written `%2B`, since a query reads `+` as a space.
 */
export function settingsToUrlQuery(values: Partial<SettingValues>): string {
	const changed = nonDefaultSettings(values);
	return settingDefinitions
		.flatMap(({ key, param }) => {
			const value = changed[key];
			return value === undefined
				? []
				: [`${param}=${encodeURIComponent(value).replaceAll('%3A', ':')}`];
		})
		.join('&');
}

/**
 * The one localStorage key; a new format gets a new version here and in the stored JSON.
 * settings-boot.ts, the small script every page loads, spells it too (a unit test keeps them equal).
 */
export const SETTINGS_STORAGE_KEY = 'cheat-sheet:settings:v1';
const STORAGE_VERSION = 1;

/** What to store: `{"version":1,"values":{…}}` with the non-default values only. */
export function storedSettings(values: Partial<SettingValues>): string {
	return JSON.stringify({ version: STORAGE_VERSION, values: nonDefaultSettings(values) });
}

/**
 * The values kept in this browser, each checked against its rule again. Missing, corrupted,
 * older or newer data, and any value that fails its rule, is ignored without a word: the reader
 * gets the defaults (or the link's values) and can type again.
 */
export function readStoredSettings(raw: string | null): Partial<SettingValues> {
	if (raw === null) return {};
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return {};
	}
	if (!isRecord(data) || data['version'] !== STORAGE_VERSION || !isRecord(data['values']))
		return {};
	const stored = data['values'];
	const values: Partial<SettingValues> = {};
	for (const { key, validate } of settingDefinitions) {
		const value = Object.hasOwn(stored, key) ? stored[key] : undefined;
		if (typeof value !== 'string') continue;
		const checked = validate(value);
		if ('value' in checked) values[key] = checked.value;
	}
	return values;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Everything the page starts from. A link that carries usable settings is a whole setup, as the
 * reader who shared it saw it: its values over the sheet's defaults, so this browser's own stored
 * values do not mix in (`loadedFromLink`). A link with none usable leaves the stored values as they
 * are. `problems` names what the link held that could not be used.
 */
export function loadSettings(
	storedRaw: string | null,
	search: string,
): { values: SettingValues; problems: SettingProblem[]; loadedFromLink: boolean } {
	const fromUrl = parseSettingsFromUrl(search);
	const loadedFromLink = Object.keys(fromUrl.values).length > 0;
	const values = loadedFromLink
		? mergeSettings(fromUrl.values)
		: mergeSettings(readStoredSettings(storedRaw));
	return { values, problems: fromUrl.problems, loadedFromLink };
}
