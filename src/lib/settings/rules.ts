/**
 * The reader's own service details: each setting's rule, its default and how values combine.
 * Their round trip through the URL and localStorage is persistence.ts. Pure: the form, the
 * storage and the address bar live in components.
 *
 * Every default is the sheet's own text, so at the defaults every template stays byte for byte the
 * sheet's. Every rule is a small ASCII grammar with no room for markup or a URL scheme: a value
 * that passes can hold only ASCII letters, digits and `. - _ : +` (see rules.test.ts),
 * so no input from the form, storage or the address can put `<`, `"`, `'`, `&`, `(` or a space
 * into a page. Error messages quote what was typed: show them as text (`textContent`), never as
 * HTML.
 */
import { parseDecimal } from '#lib/number.ts';
import { quoted } from '#lib/quote.ts';

export const settingKeys = ['service', 'version', 'app', 'port', 'python', 'deployment', 'logLevel', 'sampleRate'] as const;
export type SettingKey = (typeof settingKeys)[number];
export type SettingValues = Record<SettingKey, string>;

/** A field's text checked against its rule: the value to use (trimmed, in its one spelling), or why not. */
export type Validated = { value: string } | { error: string };

export interface SettingDefinition {
	key: SettingKey;
	/** Its name in a shared link's query. */
	param: string;
	/** The field's label. */
	label: string;
	/** The sheet's own text at every place the setting fills. */
	default: string;
	/** The rule, shown beside the field; every error message for the field ends with it. */
	rule: string;
	/** For a field that offers a fixed list: the values, in order. */
	choices?: readonly string[];
	validate: (text: string) => Validated;
}

/** Python minor versions the setting accepts: released ones from 3.9 (python:3.9-slim still exists) to 3.14. */
export const pythonVersions = ['3.9', '3.10', '3.11', '3.12', '3.13', '3.14'] as const;
/** gunicorn's `loglevel` values, least to most severe. */
export const logLevels = ['debug', 'info', 'warning', 'error', 'critical'] as const;

export const MAX_VERSION_LENGTH = 128;
export const MAX_APP_LENGTH = 200;
const MAX_DNS_LABEL_LENGTH = 63;

const DNS_LABEL_RULE = `1 to ${MAX_DNS_LABEL_LENGTH} characters: lower-case letters a-z, digits 0-9 and '-', starting and ending with a letter or digit (a Kubernetes DNS-1123 label).`;

// Semantic Versioning 2.0.0's own regular expression (semver.org), ASCII only.
const SEMVER =
	/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const PYTHON_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Python 3's hard keywords: `import class` and `app:def` can name nothing. (Soft keywords such as `match` and `type` can.) */
const PYTHON_KEYWORDS = new Set(
	'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);
/** URL schemes a browser runs or renders; a module path spelled as one is refused, though nothing here is ever a link. */
const URL_SCHEMES = new Set(['javascript', 'vbscript', 'livescript', 'data']);

/** Lower-cases A-Z only: `toLowerCase()` would turn the Kelvin sign (U+212A) into an ASCII k. */
export function asciiLower(text: string): string {
	return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** One character named so a look-alike shows what it is: `“_”`, `a space`, `“а” (U+0430)`. */
function describeCharacter(character: string): string {
	const code = character.codePointAt(0) ?? 0;
	if (character === ' ') return 'a space';
	if (code > 0x20 && code < 0x7f) return `“${character}”`;
	const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	// Controls, spaces, invisible format characters and combining marks are named by code point alone.
	if (/\p{M}/u.test(character)) return `the combining mark ${hex}`;
	return /[\p{C}\p{Z}]/u.test(character) ? `the invisible character ${hex}` : `“${character}” (${hex})`;
}

function firstOutside(text: string, allowed: RegExp): string | undefined {
	return [...text].find((character) => !allowed.test(character));
}

/** A look-alike or invisible character (`８`, `‐`, U+200B) named, for fields whose rule is digits and dots. */
function notAscii(text: string, what: string): string | undefined {
	const bad = firstOutside(text, /[ -~]/);
	return bad === undefined ? undefined : `${quoted(text)} has ${describeCharacter(bad)}, which is not ${what}.`;
}

/** What is wrong, in one sentence; the field's rule is shown beside it, so the message does not repeat it. */
function fail(problem: string): { error: string } {
	return { error: problem };
}

function dnsLabel(what: string, example: string): { rule: string; validate: (text: string) => Validated } {
	const rule = DNS_LABEL_RULE;
	return {
		rule,
		validate(text) {
			const name = text.trim();
			if (!name) return fail(`Enter the ${what}, such as ${example}.`);
			const bad = firstOutside(name, /[a-zA-Z0-9-]/);
			if (bad !== undefined) return fail(`${quoted(name)} has ${describeCharacter(bad)}, which a Kubernetes name cannot hold.`);
			if (/[A-Z]/.test(name)) {
				const lower = asciiLower(name);
				const fits = lower.length <= MAX_DNS_LABEL_LENGTH && !/^-|-$/.test(lower);
				return fail(`${quoted(name)} has upper-case letters${fits ? `: write ${quoted(lower)}` : ''}.`);
			}
			if (name.length > MAX_DNS_LABEL_LENGTH) return fail(`${quoted(name)} is ${name.length} characters long.`);
			if (name.startsWith('-') || name.endsWith('-')) return fail(`${quoted(name)} starts or ends with '-'.`);
			return { value: name };
		},
	};
}

const service = dnsLabel('service name', 'my-service');
const deployment = dnsLabel('deployment name', 'fastapi-service');

const VERSION_RULE = `A semantic version (SemVer 2.0.0): MAJOR.MINOR.PATCH such as 1.0.0, numbers without leading zeros, optionally -pre.release and +build (letters, digits, '-' and '.'); no leading v; at most ${MAX_VERSION_LENGTH} characters.`;

function validateVersion(text: string): Validated {
	const version = text.trim();
	if (!version) return fail('Enter the service version, such as 1.0.0.');
	if (version.length > MAX_VERSION_LENGTH) return fail(`${quoted(version)} is ${version.length} characters long.`);
	if (SEMVER.test(version)) return { value: version };
	const bad = firstOutside(version, /[0-9A-Za-z.+-]/);
	if (bad === ' ' && SEMVER.test(version.replace(' ', '+'))) {
		// `?version=1.0.0+build.5` typed by hand: a URL query reads `+` as a space.
		return fail(`${quoted(version)} has a space; in a link, write the + before build metadata as %2B.`);
	}
	if (bad !== undefined) return fail(`${quoted(version)} has ${describeCharacter(bad)}, which a version cannot hold.`);
	if (/^[vV]/.test(version) && SEMVER.test(version.slice(1))) return fail(`Write ${quoted(version.slice(1))}, without the v.`);
	const core = /^[^-+]*/.exec(version)?.[0] ?? '';
	if (!/^\d+\.\d+\.\d+$/.test(core)) return fail(`${quoted(version)} does not start with three numbers MAJOR.MINOR.PATCH.`);
	if (/(^|\.)0\d/.test(core)) return fail(`${quoted(version)} has a number with a leading zero.`);
	return fail(`${quoted(version)} is not a semantic version.`);
}

const APP_RULE = `As module.path:attribute, such as app.main:app: Python names (ASCII letters, digits and _, not starting with a digit, not a keyword) joined by dots, then a colon and one name; at most ${MAX_APP_LENGTH} characters.`;

/** What keeps `name` from being a Python name; `where` says which part of the app it is. */
function pythonNameProblem(name: string, where: string): string | undefined {
	const bad = firstOutside(name, /[A-Za-z0-9_]/);
	if (bad !== undefined) return `${quoted(name)} ${where} has ${describeCharacter(bad)}, which a Python name cannot hold.`;
	if (!PYTHON_NAME.test(name)) return `${quoted(name)} ${where} starts with a digit.`;
	if (PYTHON_KEYWORDS.has(name)) return `${quoted(name)} ${where} is a Python keyword.`;
	return undefined;
}

function validateApp(text: string): Validated {
	const app = text.trim();
	if (!app) return fail('Enter the ASGI app, such as app.main:app.');
	if (app.length > MAX_APP_LENGTH) return fail(`${quoted(app)} is ${app.length} characters long.`);
	const lookAlike = notAscii(app, 'ASCII');
	if (lookAlike) return fail(lookAlike);
	const parts = app.split(':');
	if (parts.length === 1) {
		// Suggest `<module>:app` only where the module path would pass.
		const suggestion = validateApp(`${app}:app`);
		return fail(`${quoted(app)} has no colon before the app’s name${'value' in suggestion ? `, as in ${quoted(suggestion.value)}` : ''}.`);
	}
	if (parts.length > 2) return fail(`${quoted(app)} has more than one colon.`);
	const [modulePath = '', attribute = ''] = parts;
	if (URL_SCHEMES.has(asciiLower(modulePath))) return fail(`${quoted(app)} reads as a ${asciiLower(modulePath)}: link, not a Python module.`);
	if (!modulePath) return fail(`${quoted(app)} has no module path before the colon.`);
	if (modulePath.split('.').includes('')) return fail(`The module path ${quoted(modulePath)} has an empty part: a dot at an end, or two in a row.`);
	for (const name of modulePath.split('.')) {
		const problem = pythonNameProblem(name, 'in the module path');
		if (problem) return fail(problem);
	}
	if (!attribute) return fail(`${quoted(app)} has no name after the colon.`);
	if (/^[A-Za-z_][A-Za-z0-9_]*\(\)$/.test(attribute)) return fail(`After the colon goes the app’s name only, such as ${quoted(attribute.slice(0, -2))}.`);
	const problem = pythonNameProblem(attribute, 'after the colon');
	return problem ? fail(problem) : { value: app };
}

const PORT_RULE = 'A whole number from 1 to 65535, in plain digits without leading zeros.';

function validatePort(text: string): Validated {
	const port = text.trim();
	if (!/^[0-9]+$/.test(port)) {
		const lookAlike = notAscii(port, 'an ASCII digit');
		if (lookAlike) return fail(lookAlike);
		const parsed = parseDecimal(port, { empty: 'Enter the port, such as 8000.', notANumber: (raw) => `${quoted(raw)} is not a port number.` });
		if ('error' in parsed) return fail(parsed.error);
		if (!/^[+-]?\d+$/.test(port)) return fail(`${quoted(port)} is not a whole number.`);
		if (parsed.value < 1 || parsed.value > 65535) return fail(`${quoted(port)} is out of range.`);
		return fail(`Write ${quoted(port)} without a sign.`);
	}
	const number = Number(port);
	if (number < 1 || number > 65535) return fail(`${quoted(port)} is out of range.`);
	if (port.startsWith('0')) return fail(`Write ${quoted(port)} without leading zeros: ${number}.`);
	return { value: port };
}

const PYTHON_RULE = `A released Python minor version from ${pythonVersions[0]} to ${pythonVersions[pythonVersions.length - 1]}: ${pythonVersions.join(', ')}.`;

function validatePython(text: string): Validated {
	const version = text.trim();
	if (!version) return fail('Enter the Python version, such as 3.12.');
	if ((pythonVersions as readonly string[]).includes(version)) return { value: version };
	const lookAlike = notAscii(version, 'an ASCII digit or dot');
	if (lookAlike) return fail(lookAlike);
	const patch = /^(\d+\.\d+)\.\d+$/.exec(version);
	if (patch?.[1] && (pythonVersions as readonly string[]).includes(patch[1])) {
		return fail(`Give the minor version only: ${quoted(patch[1])}, not ${quoted(version)}; the image python:${patch[1]}-slim follows its patch releases.`);
	}
	return fail(`${quoted(version)} is not in the list.`);
}

const LOG_LEVEL_RULE = `One of gunicorn’s log levels: ${logLevels.join(', ')}.`;

function validateLogLevel(text: string): Validated {
	const level = asciiLower(text.trim());
	if (!level) return fail('Choose a log level, such as info.');
	if ((logLevels as readonly string[]).includes(level)) return { value: level };
	if (level === 'warn') return fail('gunicorn spells it “warning”.');
	const lookAlike = notAscii(text.trim(), 'an ASCII letter');
	if (lookAlike) return fail(lookAlike);
	return fail(`${quoted(text.trim())} is not one of gunicorn’s levels.`);
}

const SAMPLE_RATE_RULE = 'A plain decimal from 0 to 1, such as 0.1: the share of requests traced (0 none, 1 all).';

function validateSampleRate(text: string): Validated {
	const rate = text.trim();
	const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(rate);
	if (percent?.[1]) {
		const share = String(Number((Number(percent[1]) / 100).toPrecision(12)));
		const hint = /^\d+(\.\d+)?$/.test(share) && Number(share) <= 1 ? `: write ${quoted(share)}` : '';
		return fail(`${quoted(rate)} is a percentage${hint}.`);
	}
	const lookAlike = notAscii(rate, 'an ASCII digit or dot');
	if (lookAlike) return fail(lookAlike);
	const parsed = parseDecimal(rate, { empty: 'Enter the traces sample rate, such as 0.1.' });
	if ('error' in parsed) return fail(parsed.error);
	if (!(parsed.value >= 0 && parsed.value <= 1)) return fail(`${quoted(rate)} is out of range.`);
	// One spelling for the templates and the link: `.5` → 0.5, `+1.` → 1, `-0` → 0, `00.25` → 0.25.
	const [, whole = '', fraction = ''] = /^[+-]?(\d*)\.?(\d*)$/.exec(rate) ?? [];
	const integer = whole.replace(/^0+(?=\d)/, '') || '0';
	return { value: fraction ? `${integer}.${fraction}` : integer };
}

export const settingDefinitions: readonly SettingDefinition[] = [
	{ key: 'service', param: 'service', label: 'Service name', default: 'my-service', ...service },
	{ key: 'version', param: 'version', label: 'Service version', default: '1.0.0', rule: VERSION_RULE, validate: validateVersion },
	{ key: 'app', param: 'app', label: 'ASGI app', default: 'app.main:app', rule: APP_RULE, validate: validateApp },
	{ key: 'port', param: 'port', label: 'Port', default: '8000', rule: PORT_RULE, validate: validatePort },
	{ key: 'python', param: 'python', label: 'Python version', default: '3.12', rule: PYTHON_RULE, choices: pythonVersions, validate: validatePython },
	{ key: 'deployment', param: 'deployment', label: 'Kubernetes deployment', default: 'fastapi-service', ...deployment },
	{ key: 'logLevel', param: 'log-level', label: 'Log level', default: 'info', rule: LOG_LEVEL_RULE, choices: logLevels, validate: validateLogLevel },
	{ key: 'sampleRate', param: 'sample-rate', label: 'Sentry traces sample rate', default: '0.1', rule: SAMPLE_RATE_RULE, validate: validateSampleRate },
];

export const settingDefinition: Readonly<Record<SettingKey, SettingDefinition>> = Object.fromEntries(
	settingDefinitions.map((definition) => [definition.key, definition]),
) as Record<SettingKey, SettingDefinition>;

export const defaultSettings: Readonly<SettingValues> = Object.fromEntries(
	settingDefinitions.map((definition) => [definition.key, definition.default]),
) as SettingValues;

export function validateSetting(key: SettingKey, text: string): Validated {
	return settingDefinition[key].validate(text);
}

/**
 * A field's new text applied to the current values: the values with it when it passes its rule,
 * else the values unchanged (templates keep the last valid value) and the message to show.
 */
export function applySettingInput(values: SettingValues, key: SettingKey, text: string): { values: SettingValues; error?: string } {
	const checked = validateSetting(key, text);
	return 'error' in checked ? { values, error: checked.error } : { values: { ...values, [key]: checked.value } };
}

/** The defaults with each layer's values over them, later layers winning. */
export function mergeSettings(...layers: ReadonlyArray<Partial<SettingValues>>): SettingValues {
	const merged: SettingValues = { ...defaultSettings };
	for (const layer of layers) {
		for (const key of settingKeys) {
			const value = layer[key];
			if (value !== undefined) merged[key] = value;
		}
	}
	return merged;
}

/** The settings that differ from the sheet's, each valid one in its one spelling, in definition order. */
export function nonDefaultSettings(values: Partial<SettingValues>): Partial<SettingValues> {
	const result: Partial<SettingValues> = {};
	for (const { key, default: fallback } of settingDefinitions) {
		const value = values[key];
		if (value === undefined) continue;
		const checked = validateSetting(key, value);
		if ('value' in checked && checked.value !== fallback) result[key] = checked.value;
	}
	return result;
}
