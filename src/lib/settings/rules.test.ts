import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applySettingInput, defaultSettings, mergeSettings, settingDefinition, settingDefinitions, settingKeys, validateSetting, type SettingKey } from './rules.ts';
import { loadSettings, parseSettingsFromUrl, readStoredSettings, SETTINGS_STORAGE_KEY, settingsToUrlQuery, storedSettings, writeSettingsToParams } from './persistence.ts';
import { unusual } from './test-fixtures.ts';


const value = (key: SettingKey, text: string) => {
	const checked = validateSetting(key, text);
	assert.ok('value' in checked, `${key} ${JSON.stringify(text)} should pass: ${'error' in checked ? checked.error : ''}`);
	return checked.value;
};
const error = (key: SettingKey, text: string) => {
	const checked = validateSetting(key, text);
	assert.ok('error' in checked, `${key} ${JSON.stringify(text)} should fail, got ${JSON.stringify(checked)}`);
	return checked.error;
};
/** The message: what is wrong, without the rule (which stands beside the field). */
const problem = error;

const good: Record<SettingKey, string[]> = {
	service: ['my-service', 'a', '0', 'orders', 'orders-v2', '9to5', 'a'.repeat(63), 'x--y'],
	deployment: ['fastapi-service', 'x-1', 'z', '1-a', 'a'.repeat(63)],
	version: ['1.0.0', '0.0.0', '10.20.30', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-0.3.7', '1.0.0-x.7.z.92', '1.0.0+20130313144700', '1.0.0-beta+exp.sha.5114f85', '1.0.0+21AF26D3----117B344092BD', '10.20.30-rc.1+build.5', '1.0.0--', '1.0.0-a-b'],
	app: ['app.main:app', 'pkg_1.sub.mod:create_app', 'main:app', '_private:_app', 'A.B:C', 'match:type', 'data.main:app', 'app.data:app'],
	port: ['8000', '1', '80', '443', '9000', '65535'],
	python: ['3.9', '3.10', '3.11', '3.12', '3.13', '3.14'],
	logLevel: ['debug', 'info', 'warning', 'error', 'critical'],
	sampleRate: ['0', '1', '0.1', '0.25', '0.001', '1.0', '0.999'],
};

/** Markup, script and URL schemes, in the shapes they arrive in: none may pass any rule. */
const injections = [
	'<img src=x onerror=alert(1)>',
	'"><svg onload=alert(1)>',
	"'><svg/onload=alert(1)>",
	'"><svg onload=…>',
	'<script>alert(1)</script>',
	'</code><script>alert(1)</script>',
	'javascript:alert(1)',
	'javascript:alert',
	'JaVaScRiPt:alert',
	'javascript:void(0)',
	'jAvAsCrIpT:alert(document.cookie)',
	'vbscript:msgbox',
	'data:text/html,<script>alert(1)</script>',
	'data:app',
	'livescript:x',
	'{{constructor.constructor("alert(1)")()}}',
	'${alert(1)}',
	'&lt;img src=x onerror=alert(1)&gt;',
	'%3Cscript%3E',
	'my-service" onmouseover="alert(1)',
	"my-service' onfocus='alert(1)",
	'app.main:app"); import os; os.system("id',
	'8000; rm -rf /',
	'8000 && curl evil',
	'$(id)',
	'`id`',
	'3.12\n<script>',
	'info\n<script>',
	'0.1<br>',
	'1.0.0<b>',
	'\u003cscript\u003e',
];

/** Look-alikes of valid values: Cyrillic letters, typographic hyphens and dots, full-width and other digits, invisible characters. */
const lookAlikes: Record<SettingKey, string[]> = {
	service: ['mу-service', 'my‐service', 'my‑service', 'my−service', 'my–service', 'my-servісe', 'my\u200b-service', 'my-service\u00ad', 'ｍｙ-service', 'kaf\u212Aa', 'my-ſervice', 'my-servİce', 'my-service\u0301', 'my-\u202eecivres'],
	deployment: ['fastapi‐service', 'fastаpi-service', 'fastapi-serviсe', 'x\u200d-1'],
	version: ['1․0․0', '1.0.0‐rc.1', '１.0.0', '1.0.0-rс.1', '1.0.0\u200b', '١.٠.٠'],
	app: ['аpp.main:app', 'app.main：app', 'app․main:app', 'app.maіn:app', 'app.main:app\u200b', 'app.main\u2236app', 'ａpp.main:app'],
	port: ['８０００', '٨٠٠٠', '8000\u200b', '80𝟎0', '８000'],
	python: ['3.１２', '３.12', '3․12', '3.12\u200b', '٣.١٢'],
	logLevel: ['іnfo', 'ınfo', 'İNFO', 'inf\u043e', 'crıtical', 'ＩＮＦＯ', 'info\u200b'],
	sampleRate: ['0.１', '0․1', '٠.١', '0.1\u200b'],
};

describe('settings', () => {
	it('defaults are the sheet’s own text', () => {
		assert.deepEqual(defaultSettings, {
			service: 'my-service',
			version: '1.0.0',
			app: 'app.main:app',
			port: '8000',
			python: '3.12',
			deployment: 'fastapi-service',
			logLevel: 'info',
			sampleRate: '0.1',
		});
		assert.deepEqual(settingDefinitions.map((definition) => definition.key), [...settingKeys]);
		for (const definition of settingDefinitions) assert.deepEqual(definition.validate(definition.default), { value: definition.default }, definition.key);
	});

	it('URL parameters are unique and leave the site’s other parameters alone', () => {
		const params = settingDefinitions.map((definition) => definition.param);
		assert.deepEqual(params, ['service', 'version', 'app', 'port', 'python', 'deployment', 'log-level', 'sample-rate']);
		assert.equal(new Set(params).size, params.length);
		// Search (q), tables (sort, dir, filter, chip columns such as type) and Pagefind (ts).
		for (const taken of ['q', 'sort', 'dir', 'filter', 'type', 'ts']) assert.ok(!params.includes(taken), taken);
	});

	it('every setting has a label and a rule to show beside its field', () => {
		for (const definition of settingDefinitions) {
			assert.ok(definition.label.length > 3, definition.key);
			assert.match(definition.rule, /^[A-Z0-9].*\.$/, definition.key);
		}
	});
});

describe('each rule: good values', () => {
	for (const key of settingKeys) {
		it(`${key} accepts ${good[key].length} valid values as typed`, () => {
			for (const text of good[key]) assert.equal(value(key, text), text);
			assert.equal(value(key, unusual[key]), unusual[key]);
		});
	}

	it('trims spaces around every value', () => {
		for (const key of settingKeys) assert.equal(value(key, `  ${defaultSettings[key]}\t`), defaultSettings[key]);
	});

	it('writes the one spelling of a log level and a sample rate', () => {
		assert.equal(value('logLevel', 'INFO'), 'info');
		assert.equal(value('logLevel', 'Warning'), 'warning');
		assert.equal(value('sampleRate', '.5'), '0.5');
		assert.equal(value('sampleRate', '1.'), '1');
		assert.equal(value('sampleRate', '+0.25'), '0.25');
		assert.equal(value('sampleRate', '-0'), '0');
		assert.equal(value('sampleRate', '00.5'), '0.5');
		assert.equal(value('sampleRate', '0.50'), '0.50');
	});
});

describe('each rule: bad values get a message that names the rule', () => {
	const bad: Record<SettingKey, Array<[string, string]>> = {
		service: [
			['', 'Enter the service name, such as my-service.'],
			['My-Service', '“My-Service” has upper-case letters: write “my-service”.'],
			['my_service', '“my_service” has “_”, which a Kubernetes name cannot hold.'],
			['my service', '“my service” has a space, which a Kubernetes name cannot hold.'],
			['my.service', '“my.service” has “.”, which a Kubernetes name cannot hold.'],
			['-orders', '“-orders” starts or ends with \'-\'.'],
			['orders-', '“orders-” starts or ends with \'-\'.'],
			['a'.repeat(64), `“${'a'.repeat(40)}…” is 64 characters long.`],
		],
		deployment: [
			['', 'Enter the deployment name, such as fastapi-service.'],
			['Fastapi_Service', '“Fastapi_Service” has “_”, which a Kubernetes name cannot hold.'],
			['Fastapi-Service', '“Fastapi-Service” has upper-case letters: write “fastapi-service”.'],
			[`${'A'.repeat(64)}`, `“${'A'.repeat(40)}…” has upper-case letters.`],
		],
		version: [
			['', 'Enter the service version, such as 1.0.0.'],
			['v1.2.3', 'Write “1.2.3”, without the v.'],
			['1.0', '“1.0” does not start with three numbers MAJOR.MINOR.PATCH.'],
			['1', '“1” does not start with three numbers MAJOR.MINOR.PATCH.'],
			['1.0.0.0', '“1.0.0.0” does not start with three numbers MAJOR.MINOR.PATCH.'],
			['01.0.0', '“01.0.0” has a number with a leading zero.'],
			['1.02.0', '“1.02.0” has a number with a leading zero.'],
			['1.0.0-01', '“1.0.0-01” is not a semantic version.'],
			['1.0.0-', '“1.0.0-” is not a semantic version.'],
			['1.0.0+', '“1.0.0+” is not a semantic version.'],
			['1.0.0-rc..1', '“1.0.0-rc..1” is not a semantic version.'],
			['1.0.0_rc', '“1.0.0_rc” has “_”, which a version cannot hold.'],
			['1.0.0 build.5', '“1.0.0 build.5” has a space; in a link, write the + before build metadata as %2B.'],
			['1.0.0 beta', '“1.0.0 beta” has a space; in a link, write the + before build metadata as %2B.'],
			['1 .0.0', '“1 .0.0” has a space, which a version cannot hold.'],
			[`1.0.0-${'a'.repeat(123)}`, `“1.0.0-${'a'.repeat(34)}…” is 129 characters long.`],
		],
		app: [
			['', 'Enter the ASGI app, such as app.main:app.'],
			['app.main', '“app.main” has no colon before the app’s name, as in “app.main:app”.'],
			['app.main:app:x', '“app.main:app:x” has more than one colon.'],
			[':app', '“:app” has no module path before the colon.'],
			['app.main:', '“app.main:” has no name after the colon.'],
			['app..main:app', 'The module path “app..main” has an empty part: a dot at an end, or two in a row.'],
			['.app:app', 'The module path “.app” has an empty part: a dot at an end, or two in a row.'],
			['app/main:app', '“app/main” in the module path has “/”, which a Python name cannot hold.'],
			['my-app.main:app', '“my-app” in the module path has “-”, which a Python name cannot hold.'],
			['1app.main:app', '“1app” in the module path starts with a digit.'],
			['app.class:app', '“class” in the module path is a Python keyword.'],
			['app.main:None', '“None” after the colon is a Python keyword.'],
			['app.main:create_app()', 'After the colon goes the app’s name only, such as “create_app”.'],
			['app.main:app.router', '“app.router” after the colon has “.”, which a Python name cannot hold.'],
			['javascript:alert', '“javascript:alert” reads as a javascript: link, not a Python module.'],
			['Data:app', '“Data:app” reads as a data: link, not a Python module.'],
			[`${'a'.repeat(197)}:app`, `“${'a'.repeat(40)}…” is 201 characters long.`],
		],
		port: [
			['', 'Enter the port, such as 8000.'],
			['0', '“0” is out of range.'],
			['65536', '“65536” is out of range.'],
			['99999999999999999999999', '“99999999999999999999999” is out of range.'],
			['-1', '“-1” is out of range.'],
			['08000', 'Write “08000” without leading zeros: 8000.'],
			['+8000', 'Write “+8000” without a sign.'],
			['80.5', '“80.5” is not a whole number.'],
			['8000.0', '“8000.0” is not a whole number.'],
			['8,000', '“8,000”: write it without commas, with a dot for decimals, such as 1.5.'],
			['8e3', '“8e3”: write the number in plain digits, without an exponent.'],
			['0x1F40', '“0x1F40” is not a port number.'],
			['http', '“http” is not a port number.'],
		],
		python: [
			['', 'Enter the Python version, such as 3.12.'],
			['3.12.1', 'Give the minor version only: “3.12”, not “3.12.1”; the image python:3.12-slim follows its patch releases.'],
			['3.8', '“3.8” is not in the list.'],
			['3.15', '“3.15” is not in the list.'],
			['2.7', '“2.7” is not in the list.'],
			['3', '“3” is not in the list.'],
			['3.09', '“3.09” is not in the list.'],
			['python3.12', '“python3.12” is not in the list.'],
		],
		logLevel: [
			['', 'Choose a log level, such as info.'],
			['warn', 'gunicorn spells it “warning”.'],
			['trace', '“trace” is not one of gunicorn’s levels.'],
			['fatal', '“fatal” is not one of gunicorn’s levels.'],
			['20', '“20” is not one of gunicorn’s levels.'],
		],
		sampleRate: [
			['', 'Enter the traces sample rate, such as 0.1.'],
			['1.5', '“1.5” is out of range.'],
			['-0.1', '“-0.1” is out of range.'],
			['10%', '“10%” is a percentage: write “0.1”.'],
			['150%', '“150%” is a percentage.'],
			['1e-1', '“1e-1”: write the number in plain digits, without an exponent.'],
			['0,1', '“0,1”: write it without commas, with a dot for decimals, such as 1.5.'],
			['NaN', '“NaN” is not a number.'],
			['Infinity', '“Infinity” is not a number.'],
			['1/10', '“1/10” is not a number.'],
		],
	};
	for (const key of settingKeys) {
		it(`${key}: ${bad[key].length} bad values, each with its reason`, () => {
			for (const [text, expected] of bad[key]) assert.equal(problem(key, text), expected, JSON.stringify(text));
		});
	}

	it('no message repeats the rule shown beside the field', () => {
		for (const key of settingKeys) {
			for (const text of ['', '<x>', 'é', ...bad[key].map(([text]) => text)]) assert.ok(!error(key, text).includes(settingDefinition[key].rule), `${key} ${text}`);
		}
	});
});

describe('no markup, script or URL scheme passes any rule', () => {
	it('injection strings are refused by every setting', () => {
		for (const key of settingKeys) for (const text of injections) error(key, text);
	});

	it('unicode look-alikes are refused, naming the character', () => {
		for (const key of settingKeys) {
			for (const text of lookAlikes[key]) {
				const message = error(key, text);
				assert.match(message, /U\+[0-9A-F]{4}/, `${key} ${JSON.stringify(text)}: ${message}`);
			}
		}
		assert.equal(problem('service', 'mу-service'), '“mу-service” has “у” (U+0443), which a Kubernetes name cannot hold.');
		assert.equal(problem('service', 'my\u200b-service'), '“my\u200b-service” has the invisible character U+200B, which a Kubernetes name cannot hold.');
		assert.equal(problem('service', 'my-service\u0301'), '“my-service\u0301” has the combining mark U+0301, which a Kubernetes name cannot hold.');
		assert.equal(problem('port', '８０００'), '“８０００” has “８” (U+FF18), which is not an ASCII digit.');
		assert.equal(problem('logLevel', 'ınfo'), '“ınfo” has “ı” (U+0131), which is not an ASCII letter.');
		assert.equal(problem('service', 'kaf\u212Aa'), '“kaf\u212Aa” has “\u212A” (U+212A), which a Kubernetes name cannot hold.');
	});

	it('a value that passes holds only ASCII letters, digits and . - _ : + (fuzzed with markup and look-alikes)', () => {
		// The alphabet of every grammar: no <, >, ", ', &, `, =, (, ), /, \, ;, space or anything outside ASCII.
		const safe = /^[A-Za-z0-9._:+-]+$/;
		const pieces = ['<', '>', '"', "'", '&', '`', '=', '(', ')', '/', '\\', ';', ' ', '\n', '%3C', '&lt;', 'javascript:', 'data:', 'onerror', 'а', '‐', '８', '\u200b', '\u202e', ':', '.', '-', '_', '+', '0', '1', '3.1', 'app', 'x'];
		let seed = 10;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		const candidates = [...injections, ...Object.values(lookAlikes).flat(), ...Object.values(good).flat()];
		for (let round = 0; round < 3000; round++) {
			const base = settingKeys[round % settingKeys.length]!;
			let text = defaultSettings[base];
			const position = Math.floor(random() * (text.length + 1));
			text = text.slice(0, position) + pieces[Math.floor(random() * pieces.length)] + text.slice(position);
			candidates.push(text);
		}
		let accepted = 0;
		for (const key of settingKeys) {
			for (const text of candidates) {
				const checked = validateSetting(key, text);
				if (!('value' in checked)) continue;
				accepted++;
				assert.match(checked.value, safe, `${key} accepted ${JSON.stringify(text)}`);
				assert.doesNotMatch(checked.value, /^(javascript|vbscript|livescript|data):/i, `${key} accepted ${JSON.stringify(text)}`);
			}
		}
		assert.ok(accepted > 100, `only ${accepted} values passed: the fuzzing proves little`);
	});
});

describe('typing into a field', () => {
	it('a valid value replaces the old one; an invalid one keeps the last valid value and says why', () => {
		const first = applySettingInput(defaultSettings, 'port', '9000');
		assert.deepEqual(first, { values: { ...defaultSettings, port: '9000' } });
		const second = applySettingInput(first.values, 'port', '90000');
		assert.equal(second.values, first.values);
		assert.equal(second.error, '“90000” is out of range.');
	});
});

describe('share link', () => {
	it('holds only the non-default values, in the settings’ order', () => {
		assert.equal(settingsToUrlQuery(defaultSettings), '');
		assert.equal(settingsToUrlQuery({ ...defaultSettings, port: '9000', service: 'orders' }), 'service=orders&port=9000');
		assert.equal(settingsToUrlQuery({ port: '9000' }), 'port=9000');
		assert.equal(
			settingsToUrlQuery(unusual),
			'service=a&version=10.20.30-rc.1%2Bbuild.5&app=pkg_1.sub.mod:create_app&port=65535&python=3.9&deployment=x-1&log-level=critical&sample-rate=0',
		);
	});

	it('never writes a value that fails its rule', () => {
		assert.equal(settingsToUrlQuery({ ...defaultSettings, service: '<img src=x onerror=alert(1)>', port: '9000' }), 'port=9000');
	});

	it('round-trips: what is written is read back unchanged', () => {
		for (const values of [defaultSettings, unusual, { ...defaultSettings, service: 'orders', port: '9000' }, { ...unusual, sampleRate: '1', python: '3.14' }]) {
			const { values: read, problems } = parseSettingsFromUrl(`?${settingsToUrlQuery(values)}`);
			assert.deepEqual(problems, []);
			assert.deepEqual(mergeSettings(read), values);
			assert.equal(settingsToUrlQuery(mergeSettings(read)), settingsToUrlQuery(values));
		}
		for (const key of settingKeys) {
			for (const text of good[key]) {
				const query = settingsToUrlQuery({ [key]: text });
				assert.deepEqual(mergeSettings(parseSettingsFromUrl(query).values)[key], text, query);
			}
		}
	});

	it('reads the values it can, reports each it cannot with the parameter and why, and ignores other parameters', () => {
		const { values, problems } = parseSettingsFromUrl('?q=gunicorn&service=orders&port=99999&type=Gauge&sort=metric&python=3.8&log-level=WARNING&app=%3Cscript%3E&foo=bar');
		assert.deepEqual(values, { service: 'orders', logLevel: 'warning' });
		assert.deepEqual(
			problems.map(({ param, key, value }) => ({ param, key, value })),
			[
				{ param: 'app', key: 'app', value: '<script>' },
				{ param: 'port', key: 'port', value: '99999' },
				{ param: 'python', key: 'python', value: '3.8' },
			],
		);
		assert.equal(problems[1]?.message, 'Port in the link (port): “99999” is out of range.');
		// No suggested fix that would fail in turn.
		assert.equal(problems[0]?.message, 'ASGI app in the link (app): “<script>” has no colon before the app’s name.');
		assert.equal(parseSettingsFromUrl('?app=app.main').problems[0]?.message, 'ASGI app in the link (app): “app.main” has no colon before the app’s name, as in “app.main:app”.');
	});

	it('takes a query with or without ?, a parameter in any case and with or without dashes, the first of a repeated one (saying so), and reports an empty one', () => {
		assert.deepEqual(parseSettingsFromUrl('service=orders').values, { service: 'orders' });
		assert.deepEqual(parseSettingsFromUrl('?SERVICE=orders&sampleRate=0.5&log_level=debug').values, { service: 'orders', sampleRate: '0.5', logLevel: 'debug' });
		const repeated = parseSettingsFromUrl('?port=9000&port=9001&port=9000');
		assert.deepEqual(repeated.values, { port: '9000' });
		assert.deepEqual(
			repeated.problems.map((problem) => problem.message),
			['Port is in the link more than once: the first value was read, not “9001”.'],
		);
		assert.deepEqual(parseSettingsFromUrl('?port=9000&port=9000').problems, []);
		assert.equal(writeSettingsToParams(new URLSearchParams('q=x&sampleRate=0.5&PORT=1'), {}).toString(), 'q=x');
		assert.deepEqual(parseSettingsFromUrl('').values, {});
		const empty = parseSettingsFromUrl('?service=');
		assert.deepEqual(empty.values, {});
		assert.equal(empty.problems[0]?.param, 'service');
		assert.match(empty.problems[0]?.message ?? '', /Enter the service name/);
		// A hand-typed + reads as a space in a query.
		const plus = parseSettingsFromUrl('?version=1.0.0+build.5');
		assert.match(plus.problems[0]?.message ?? '', /%2B/);
		assert.deepEqual(parseSettingsFromUrl('?version=1.0.0%2Bbuild.5').values, { version: '1.0.0+build.5' });
	});

	it('refuses every injection string and look-alike from the URL', () => {
		for (const { key, param } of settingDefinitions) {
			for (const text of [...injections, ...lookAlikes[key]]) {
				const { values, problems } = parseSettingsFromUrl(new URLSearchParams({ [param]: text }).toString());
				assert.deepEqual(values, {}, `${param}=${text}`);
				assert.equal(problems.length, 1);
			}
		}
	});

	it('writes into a query without touching other parameters', () => {
		const params = writeSettingsToParams(new URLSearchParams('q=healthz&service=old&type=Gauge'), { ...defaultSettings, port: '9000' });
		assert.equal(params.toString(), 'q=healthz&type=Gauge&port=9000');
	});
});

describe('localStorage', () => {
	it('one versioned key; the non-default values as versioned JSON', () => {
		assert.equal(SETTINGS_STORAGE_KEY, 'cheat-sheet:settings:v1');
		assert.equal(storedSettings(defaultSettings), '{"version":1,"values":{}}');
		assert.equal(storedSettings({ ...defaultSettings, port: '9000' }), '{"version":1,"values":{"port":"9000"}}');
	});

	it('round-trips', () => {
		assert.deepEqual(mergeSettings(readStoredSettings(storedSettings(unusual))), unusual);
		assert.deepEqual(mergeSettings(readStoredSettings(storedSettings(defaultSettings))), defaultSettings);
	});

	it('ignores missing, corrupted, old and other-version data without an error', () => {
		const ignored = [
			null,
			'',
			'{',
			'null',
			'42',
			'"orders"',
			'[]',
			'{}',
			'{"service":"orders"}',
			'{"version":0,"values":{"service":"orders"}}',
			'{"version":2,"values":{"service":"orders"}}',
			'{"version":"1","values":{"service":"orders"}}',
			'{"version":1}',
			'{"version":1,"values":null}',
			'{"version":1,"values":["orders"]}',
			'{"version":1,"values":"service=orders"}',
			'\u0000\u0001garbage',
		];
		for (const raw of ignored) assert.deepEqual(readStoredSettings(raw), {}, String(raw));
	});

	it('drops each stored value that fails its rule or is no string, keeping the rest', () => {
		const raw = JSON.stringify({
			version: 1,
			values: { service: '<img src=x onerror=alert(1)>', port: 9000, app: 'pkg.mod:application', python: '3.8', logLevel: 'ERROR', unknown: 'x', __proto__: 'y' },
		});
		assert.deepEqual(readStoredSettings(raw), { app: 'pkg.mod:application', logLevel: 'error' });
		assert.deepEqual(readStoredSettings('{"version":1,"values":{"__proto__":{"service":"orders"}}}'), {});
		for (const key of settingKeys) {
			for (const text of [...injections, ...lookAlikes[key]]) assert.deepEqual(readStoredSettings(JSON.stringify({ version: 1, values: { [key]: text } })), {});
		}
	});
});

describe('merging', () => {
	it('a link with usable values is a whole setup over the defaults; without any, the stored values stay', () => {
		const stored = storedSettings({ ...defaultSettings, service: 'stored', port: '7000' });
		const { values, problems, loadedFromLink } = loadSettings(stored, '?port=9000&python=3.13&log-level=nope');
		// The sharer's service name was the default: this browser's `stored` does not mix in.
		assert.deepEqual(values, { ...defaultSettings, port: '9000', python: '3.13' });
		assert.equal(loadedFromLink, true);
		assert.deepEqual(problems.map((problem) => problem.param), ['log-level']);
		// A link with nothing usable leaves the stored values in force.
		const unusable = loadSettings(stored, '?port=0');
		assert.deepEqual(unusable.values, { ...defaultSettings, service: 'stored', port: '7000' });
		assert.equal(unusable.loadedFromLink, false);
		assert.equal(loadSettings(stored, '?q=x').values.service, 'stored');
		assert.deepEqual(loadSettings(null, '').values, defaultSettings);
		assert.deepEqual(loadSettings('{broken', '?q=x').values, defaultSettings);
	});
});
