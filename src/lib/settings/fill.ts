/**
 * Templates filled with the reader's settings, from the places declared in
 * `src/data/setting-places.ts` and nowhere else: no search for text in a template. At the
 * defaults a template comes back byte for byte as it is.
 */
import {
	defaultSpellings,
	settingPlaces,
	type PlaceFormat,
	type SnippetPlaces,
} from '#data/setting-places.ts';
import { quoted } from '#lib/quote.ts';
import { asciiLower } from './grammars.ts';
import {
	defaultSettings,
	settingKeys,
	validateSetting,
	type SettingKey,
	type SettingValues,
} from './rules.ts';

/** One place in a template's text: `line` is 1-based, `start` and `end` are UTF-16 columns in that line, `end` exclusive. */
export interface PlaceRange {
	line: number;
	start: number;
	end: number;
	setting: SettingKey;
}

interface Marker {
	setting: SettingKey;
	format?: PlaceFormat;
}

const MARKER = /«([A-Za-z]+)(?::([a-z]+))?»/g;
const formats: Readonly<Record<PlaceFormat, (value: string) => string>> = {
	upper: (value) => value.toUpperCase(),
};

function isSettingKey(name: string): name is SettingKey {
	return (settingKeys as readonly string[]).includes(name);
}

/** A declared line split into its text and its markers. */
export function parsePlaceLine(text: string): Array<string | Marker> {
	const segments: Array<string | Marker> = [];
	let last = 0;
	for (const match of text.matchAll(MARKER)) {
		const [, setting = '', format] = match;
		if (!isSettingKey(setting)) throw new Error(`Unknown setting «${setting}» in ${quoted(text)}`);
		if (format !== undefined && !Object.hasOwn(formats, format))
			throw new Error(`Unknown format ${format} in ${quoted(text)}`);
		segments.push(
			text.slice(last, match.index),
			format === undefined ? { setting } : { setting, format: format as PlaceFormat },
		);
		last = match.index + match[0].length;
	}
	segments.push(text.slice(last));
	return segments.filter((segment) => segment !== '');
}

/** The text a place shows for `value`. */
export function formatPlace(value: string, format: PlaceFormat | undefined): string {
	return format === undefined ? value : formats[format](value);
}

type LineRange = Omit<PlaceRange, 'line'> & Marker;

/** A declared line with `values` put in, and where each value sits. */
function renderLine(
	text: string,
	values: Readonly<SettingValues>,
): { text: string; ranges: LineRange[] } {
	let line = '';
	const ranges: LineRange[] = [];
	for (const segment of parsePlaceLine(text)) {
		if (typeof segment === 'string') line += segment;
		else {
			const shown = formatPlace(values[segment.setting], segment.format);
			ranges.push({ ...segment, start: line.length, end: line.length + shown.length });
			line += shown;
		}
	}
	return { text: line, ranges };
}

function placesOf(file: string): SnippetPlaces {
	const places = settingPlaces[file];
	if (!places) throw new Error(`${file} has no entry in src/data/setting-places.ts`);
	return places;
}

/** Every value checked against its rule again: nothing that fails one reaches a template. */
function checked(values: Readonly<SettingValues>): SettingValues {
	const result = { ...values };
	for (const key of settingKeys) {
		const outcome = validateSetting(key, values[key]);
		if ('error' in outcome) throw new Error(`Setting ${key}: ${outcome.error}`);
		result[key] = outcome.value;
	}
	return result;
}

/**
 * Where each setting sits in a snippet's text filled with `values` (at the defaults: in the
 * snippet's own text), by line then column. What a build-time Expressive Code plugin wraps in a
 * span, and what a page marks; Expressive Code counts lines from 0, these from 1.
 */
export function placeRanges(
	file: string,
	values: Readonly<SettingValues> = defaultSettings,
): PlaceRange[] {
	const filled = checked(values);
	return [...placesOf(file).places]
		.sort((a, b) => a.line - b.line)
		.flatMap((place) =>
			renderLine(place.text, filled).ranges.map(({ start, end, setting }) => ({
				line: place.line,
				start,
				end,
				setting,
			})),
		);
}

/**
 * A snippet's text (or its file, final newline and all) with `values` in its declared places and
 * every other character as it was. Each place line must read as declared at the defaults, else
 * this throws (the place list is out of date; the unit tests say so first).
 */
export function fillTemplate(file: string, text: string, values: Readonly<SettingValues>): string {
	const filled = checked(values);
	const lines = text.split('\n');
	for (const place of placesOf(file).places) {
		const original = lines[place.line - 1];
		const declared = renderLine(place.text, defaultSettings);
		if (original !== declared.text) {
			throw new Error(
				`${file} line ${place.line} reads ${JSON.stringify(original)}, not ${JSON.stringify(declared.text)}: update src/data/setting-places.ts`,
			);
		}
		// Right to left, so the columns of the places still to fill stay valid.
		const line = [...declared.ranges]
			.sort((a, b) => b.start - a.start)
			.reduce(
				(result, range) =>
					result.slice(0, range.start) +
					formatPlace(filled[range.setting], range.format) +
					result.slice(range.end),
				original,
			);
		lines[place.line - 1] = line;
	}
	return lines.join('\n');
}

/** Whether `values` change anything at all: false at the defaults. */
export function isCustomized(values: Readonly<SettingValues>): boolean {
	return settingKeys.some((key) => values[key] !== defaultSettings[key]);
}

/**
 * Why the place list no longer fits a snippet's text, if it does not: a declared line that reads
 * otherwise, a "not this setting" entry whose text is gone, or a spelling of a default at a place
 * that is neither declared nor listed as not the setting. Empty when all is well.
 */
export function placeProblems(file: string, text: string): string[] {
	const entry = settingPlaces[file];
	if (!entry) return [`${file} has no entry in src/data/setting-places.ts`];
	const problems: string[] = [];
	const lines = text.split('\n');
	const covered: PlaceRange[] = [];

	const lineNumbers = entry.places.map((place) => place.line);
	if (new Set(lineNumbers).size !== lineNumbers.length)
		problems.push(`${file}: a line is declared twice`);
	for (const place of entry.places) {
		const declared = renderLine(place.text, defaultSettings);
		const actual = lines[place.line - 1];
		if (actual !== declared.text)
			problems.push(
				`${file}:${place.line} reads ${JSON.stringify(actual ?? null)}, declared ${JSON.stringify(declared.text)}`,
			);
		else
			covered.push(
				...declared.ranges.map(({ start, end, setting }) => ({
					line: place.line,
					start,
					end,
					setting,
				})),
			);
	}
	for (const other of entry.notSettings) {
		const line = lines[other.line - 1] ?? '';
		const spelled = defaultSpellings[other.setting].some((spelling) =>
			asciiLower(other.text).includes(asciiLower(spelling)),
		);
		if (!spelled)
			problems.push(
				`${file}:${other.line}: ${JSON.stringify(other.text)} holds no spelling of ${other.setting}'s default`,
			);
		let from = line.indexOf(other.text);
		if (from < 0)
			problems.push(
				`${file}:${other.line} no longer holds ${JSON.stringify(other.text)} (listed as not ${other.setting})`,
			);
		while (from >= 0) {
			covered.push({
				line: other.line,
				start: from,
				end: from + other.text.length,
				setting: other.setting,
			});
			from = line.indexOf(other.text, from + 1);
		}
	}

	for (const key of settingKeys) {
		for (const spelling of defaultSpellings[key]) {
			const needle = asciiLower(spelling);
			lines.forEach((line, index) => {
				const haystack = asciiLower(line);
				for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
					const end = at + needle.length;
					const known = covered.some(
						(range) =>
							range.line === index + 1 &&
							range.setting === key &&
							range.start <= at &&
							end <= range.end,
					);
					if (!known)
						problems.push(
							`${file}:${index + 1}:${at + 1} ${JSON.stringify(line.slice(at, end))} spells ${key}'s default but is no declared place and not listed as another thing`,
						);
				}
			});
		}
	}
	return problems;
}
