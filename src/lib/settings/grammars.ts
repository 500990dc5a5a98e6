/**
 * The grammars of the settings typed as free text: a Kubernetes name, a semantic version, an ASGI
 * app path, a port, a sample rate, each with its rule as the field shows it. Each is a small ASCII
 * grammar with no room for markup or a URL scheme, and each message names what was typed and what
 * is wrong with it, look-alike characters by their code point. Pure.
 */
import { parseDecimal } from '#lib/number.ts';
import { quoted } from '#lib/quote.ts';

/** A field's text checked against its rule: the value to use (trimmed, in its one spelling), or why not. */
export type Validated = { value: string } | { error: string };

const MAX_VERSION_LENGTH = 128;
const MAX_APP_LENGTH = 200;
const MAX_DNS_LABEL_LENGTH = 63;

const DNS_LABEL_RULE = `1 to ${MAX_DNS_LABEL_LENGTH} characters: lower-case letters a-z, digits 0-9 and '-', starting and ending with a letter or digit (a Kubernetes DNS-1123 label).`;

// Semantic Versioning 2.0.0's own regular expression (semver.org), ASCII only.
const SEMVER =
	/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const PYTHON_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Python 3's hard keywords: `import class` and `app:def` can name nothing. (Soft keywords such as `match` and `type` can.) */
const PYTHON_KEYWORDS = new Set(
	'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
		' ',
	),
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
	return /[\p{C}\p{Z}]/u.test(character)
		? `the invisible character ${hex}`
		: `“${character}” (${hex})`;
}

function firstOutside(text: string, allowed: RegExp): string | undefined {
	return [...text].find((character) => !allowed.test(character));
}

/** A look-alike or invisible character (`８`, `‐`, U+200B) named, for fields whose rule is digits and dots. */
export function notAscii(text: string, what: string): string | undefined {
	const bad = firstOutside(text, /[ -~]/);
	return bad === undefined
		? undefined
		: `${quoted(text)} has ${describeCharacter(bad)}, which is not ${what}.`;
}

/** What is wrong, in one sentence; the field's rule is shown beside it, so the message does not repeat it. */
export function fail(problem: string): { error: string } {
	return { error: problem };
}

export function dnsLabel(
	what: string,
	example: string,
): { rule: string; validate: (text: string) => Validated } {
	const rule = DNS_LABEL_RULE;
	return {
		rule,
		validate(text) {
			const name = text.trim();
			if (!name) return fail(`Enter the ${what}, such as ${example}.`);
			const bad = firstOutside(name, /[a-zA-Z0-9-]/);
			if (bad !== undefined)
				return fail(
					`${quoted(name)} has ${describeCharacter(bad)}, which a Kubernetes name cannot hold.`,
				);
			if (/[A-Z]/.test(name)) {
				const lower = asciiLower(name);
				const fits = lower.length <= MAX_DNS_LABEL_LENGTH && !/^-|-$/.test(lower);
				return fail(
					`${quoted(name)} has upper-case letters${fits ? `: write ${quoted(lower)}` : ''}.`,
				);
			}
			if (name.length > MAX_DNS_LABEL_LENGTH)
				return fail(`${quoted(name)} is ${name.length} characters long.`);
			if (name.startsWith('-') || name.endsWith('-'))
				return fail(`${quoted(name)} starts or ends with '-'.`);
			return { value: name };
		},
	};
}

export const VERSION_RULE = `A semantic version (SemVer 2.0.0): MAJOR.MINOR.PATCH such as 1.0.0, numbers without leading zeros, optionally -pre.release and +build (letters, digits, '-' and '.'); no leading v; at most ${MAX_VERSION_LENGTH} characters.`;

export function validateVersion(text: string): Validated {
	const version = text.trim();
	if (!version) return fail('Enter the service version, such as 1.0.0.');
	if (version.length > MAX_VERSION_LENGTH)
		return fail(`${quoted(version)} is ${version.length} characters long.`);
	if (SEMVER.test(version)) return { value: version };
	const bad = firstOutside(version, /[0-9A-Za-z.+-]/);
	if (bad === ' ' && SEMVER.test(version.replace(' ', '+'))) {
		// `?version=1.0.0+build.5` typed by hand: a URL query reads `+` as a space.
		return fail(
			`${quoted(version)} has a space; in a link, write the + before build metadata as %2B.`,
		);
	}
	if (bad !== undefined)
		return fail(`${quoted(version)} has ${describeCharacter(bad)}, which a version cannot hold.`);
	if (/^[vV]/.test(version) && SEMVER.test(version.slice(1)))
		return fail(`Write ${quoted(version.slice(1))}, without the v.`);
	const core = /^[^-+]*/.exec(version)?.[0] ?? '';
	if (!/^\d+\.\d+\.\d+$/.test(core))
		return fail(`${quoted(version)} does not start with three numbers MAJOR.MINOR.PATCH.`);
	if (/(^|\.)0\d/.test(core)) return fail(`${quoted(version)} has a number with a leading zero.`);
	return fail(`${quoted(version)} is not a semantic version.`);
}

export const APP_RULE = `As module.path:attribute, such as app.main:app: Python names (ASCII letters, digits and _, not starting with a digit, not a keyword) joined by dots, then a colon and one name; at most ${MAX_APP_LENGTH} characters.`;

/** What keeps `name` from being a Python name; `where` says which part of the app it is. */
function pythonNameProblem(name: string, where: string): string | undefined {
	const bad = firstOutside(name, /[A-Za-z0-9_]/);
	if (bad !== undefined)
		return `${quoted(name)} ${where} has ${describeCharacter(bad)}, which a Python name cannot hold.`;
	if (!PYTHON_NAME.test(name)) return `${quoted(name)} ${where} starts with a digit.`;
	if (PYTHON_KEYWORDS.has(name)) return `${quoted(name)} ${where} is a Python keyword.`;
	return undefined;
}

export function validateApp(text: string): Validated {
	const app = text.trim();
	if (!app) return fail('Enter the ASGI app, such as app.main:app.');
	if (app.length > MAX_APP_LENGTH) return fail(`${quoted(app)} is ${app.length} characters long.`);
	const lookAlike = notAscii(app, 'ASCII');
	if (lookAlike) return fail(lookAlike);
	const parts = app.split(':');
	if (parts.length === 1) {
		// Suggest `<module>:app` only where the module path would pass.
		const suggestion = validateApp(`${app}:app`);
		return fail(
			`${quoted(app)} has no colon before the app’s name${'value' in suggestion ? `, as in ${quoted(suggestion.value)}` : ''}.`,
		);
	}
	if (parts.length > 2) return fail(`${quoted(app)} has more than one colon.`);
	const [modulePath = '', attribute = ''] = parts;
	if (URL_SCHEMES.has(asciiLower(modulePath)))
		return fail(`${quoted(app)} reads as a ${asciiLower(modulePath)}: link, not a Python module.`);
	if (!modulePath) return fail(`${quoted(app)} has no module path before the colon.`);
	if (modulePath.split('.').includes(''))
		return fail(
			`The module path ${quoted(modulePath)} has an empty part: a dot at an end, or two in a row.`,
		);
	for (const name of modulePath.split('.')) {
		const problem = pythonNameProblem(name, 'in the module path');
		if (problem) return fail(problem);
	}
	if (!attribute) return fail(`${quoted(app)} has no name after the colon.`);
	if (/^[A-Za-z_][A-Za-z0-9_]*\(\)$/.test(attribute))
		return fail(
			`After the colon goes the app’s name only, such as ${quoted(attribute.slice(0, -2))}.`,
		);
	const problem = pythonNameProblem(attribute, 'after the colon');
	return problem ? fail(problem) : { value: app };
}

export const PORT_RULE = 'A whole number from 1 to 65535, in plain digits without leading zeros.';

export function validatePort(text: string): Validated {
	const port = text.trim();
	if (!/^[0-9]+$/.test(port)) {
		const lookAlike = notAscii(port, 'an ASCII digit');
		if (lookAlike) return fail(lookAlike);
		const parsed = parseDecimal(port, {
			empty: 'Enter the port, such as 8000.',
			notANumber: (raw) => `${quoted(raw)} is not a port number.`,
		});
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

export const SAMPLE_RATE_RULE =
	'A plain decimal from 0 to 1, such as 0.1: the share of new traces Sentry starts (0 starts none but still records requests that arrive sampled; 1 all).';

export function validateSampleRate(text: string): Validated {
	const rate = text.trim();
	const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(rate);
	if (percent?.[1]) {
		const share = String(Number((Number(percent[1]) / 100).toPrecision(12)));
		const hint =
			/^\d+(\.\d+)?$/.test(share) && Number(share) <= 1 ? `: write ${quoted(share)}` : '';
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
