import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	applySettingInput,
	defaultSettings,
	settingDefinition,
	settingDefinitions,
	settingKeys,
	validateSetting,
	type SettingKey,
} from './rules.ts';
import { good, unusual, error, problem } from './test-fixtures.ts';

const value = (key: SettingKey, text: string) => {
	const checked = validateSetting(key, text);
	assert.ok(
		'value' in checked,
		`${key} ${JSON.stringify(text)} should pass: ${'error' in checked ? checked.error : ''}`,
	);
	return checked.value;
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
		assert.deepEqual(
			settingDefinitions.map((definition) => definition.key),
			[...settingKeys],
		);
		for (const definition of settingDefinitions)
			assert.deepEqual(
				definition.validate(definition.default),
				{ value: definition.default },
				definition.key,
			);
	});

	it('URL parameters are unique and leave the site’s other parameters alone', () => {
		const params = settingDefinitions.map((definition) => definition.param);
		assert.deepEqual(params, [
			'service',
			'version',
			'app',
			'port',
			'python',
			'deployment',
			'log-level',
			'sample-rate',
		]);
		assert.equal(new Set(params).size, params.length);
		// Search (q), tables (sort, dir, filter, chip columns such as type) and Pagefind (ts).
		for (const taken of ['q', 'sort', 'dir', 'filter', 'type', 'ts'])
			assert.ok(!params.includes(taken), taken);
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
		for (const key of settingKeys)
			assert.equal(value(key, `  ${defaultSettings[key]}\t`), defaultSettings[key]);
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
			['-orders', "“-orders” starts or ends with '-'."],
			['orders-', "“orders-” starts or ends with '-'."],
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
			[
				'1.0.0 build.5',
				'“1.0.0 build.5” has a space; in a link, write the + before build metadata as %2B.',
			],
			[
				'1.0.0 beta',
				'“1.0.0 beta” has a space; in a link, write the + before build metadata as %2B.',
			],
			['1 .0.0', '“1 .0.0” has a space, which a version cannot hold.'],
			[`1.0.0-${'a'.repeat(123)}`, `“1.0.0-${'a'.repeat(34)}…” is 129 characters long.`],
		],
		app: [
			['', 'Enter the ASGI app, such as app.main:app.'],
			['app.main', '“app.main” has no colon before the app’s name, as in “app.main:app”.'],
			['app.main:app:x', '“app.main:app:x” has more than one colon.'],
			[':app', '“:app” has no module path before the colon.'],
			['app.main:', '“app.main:” has no name after the colon.'],
			[
				'app..main:app',
				'The module path “app..main” has an empty part: a dot at an end, or two in a row.',
			],
			['.app:app', 'The module path “.app” has an empty part: a dot at an end, or two in a row.'],
			['app/main:app', '“app/main” in the module path has “/”, which a Python name cannot hold.'],
			['my-app.main:app', '“my-app” in the module path has “-”, which a Python name cannot hold.'],
			['1app.main:app', '“1app” in the module path starts with a digit.'],
			['app.class:app', '“class” in the module path is a Python keyword.'],
			['app.main:None', '“None” after the colon is a Python keyword.'],
			['app.main:create_app()', 'After the colon goes the app’s name only, such as “create_app”.'],
			[
				'app.main:app.router',
				'“app.router” after the colon has “.”, which a Python name cannot hold.',
			],
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
			[
				'3.12.1',
				'Give the minor version only: “3.12”, not “3.12.1”; the image python:3.12-slim follows its patch releases.',
			],
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
			for (const [text, expected] of bad[key])
				assert.equal(problem(key, text), expected, JSON.stringify(text));
		});
	}

	it('no message repeats the rule shown beside the field', () => {
		for (const key of settingKeys) {
			for (const text of ['', '<x>', 'é', ...bad[key].map(([text]) => text)])
				assert.ok(!error(key, text).includes(settingDefinition[key].rule), `${key} ${text}`);
		}
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
