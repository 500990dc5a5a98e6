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
import { quoted } from '#lib/quote.ts';
import {
	APP_RULE,
	PORT_RULE,
	SAMPLE_RATE_RULE,
	VERSION_RULE,
	asciiLower,
	dnsLabel,
	fail,
	notAscii,
	validateApp,
	validatePort,
	validateSampleRate,
	validateVersion,
	type Validated,
} from './grammars.ts';

export const settingKeys = [
	'service',
	'version',
	'app',
	'port',
	'python',
	'deployment',
	'logLevel',
	'sampleRate',
] as const;
export type SettingKey = (typeof settingKeys)[number];
export type SettingValues = Record<SettingKey, string>;

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

const service = dnsLabel('service name', 'my-service');
const deployment = dnsLabel('deployment name', 'fastapi-service');

const PYTHON_RULE = `A released Python minor version from ${pythonVersions[0]} to ${pythonVersions[pythonVersions.length - 1]}: ${pythonVersions.join(', ')}.`;

function validatePython(text: string): Validated {
	const version = text.trim();
	if (!version) return fail('Enter the Python version, such as 3.12.');
	if ((pythonVersions as readonly string[]).includes(version)) return { value: version };
	const lookAlike = notAscii(version, 'an ASCII digit or dot');
	if (lookAlike) return fail(lookAlike);
	const patch = /^(\d+\.\d+)\.\d+$/.exec(version);
	if (patch?.[1] && (pythonVersions as readonly string[]).includes(patch[1])) {
		return fail(
			`Give the minor version only: ${quoted(patch[1])}, not ${quoted(version)}; the image python:${patch[1]}-slim follows its patch releases.`,
		);
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

export const settingDefinitions: readonly SettingDefinition[] = [
	{ key: 'service', param: 'service', label: 'Service name', default: 'my-service', ...service },
	{
		key: 'version',
		param: 'version',
		label: 'Service version',
		default: '1.0.0',
		rule: VERSION_RULE,
		validate: validateVersion,
	},
	{
		key: 'app',
		param: 'app',
		label: 'ASGI app',
		default: 'app.main:app',
		rule: APP_RULE,
		validate: validateApp,
	},
	{
		key: 'port',
		param: 'port',
		label: 'Port',
		default: '8000',
		rule: PORT_RULE,
		validate: validatePort,
	},
	{
		key: 'python',
		param: 'python',
		label: 'Python version',
		default: '3.12',
		rule: PYTHON_RULE,
		choices: pythonVersions,
		validate: validatePython,
	},
	{
		key: 'deployment',
		param: 'deployment',
		label: 'Kubernetes deployment',
		default: 'fastapi-service',
		...deployment,
	},
	{
		key: 'logLevel',
		param: 'log-level',
		label: 'Log level',
		default: 'info',
		rule: LOG_LEVEL_RULE,
		choices: logLevels,
		validate: validateLogLevel,
	},
	{
		key: 'sampleRate',
		param: 'sample-rate',
		label: 'Sentry traces sample rate',
		default: '0.1',
		rule: SAMPLE_RATE_RULE,
		validate: validateSampleRate,
	},
];

export const settingDefinition: Readonly<Record<SettingKey, SettingDefinition>> =
	Object.fromEntries(
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
export function applySettingInput(
	values: SettingValues,
	key: SettingKey,
	text: string,
): { values: SettingValues; error?: string } {
	const checked = validateSetting(key, text);
	return 'error' in checked
		? { values, error: checked.error }
		: { values: { ...values, [key]: checked.value } };
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
