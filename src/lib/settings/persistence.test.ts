import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings, mergeSettings, settingDefinitions, settingKeys } from './rules.ts';
import {
	loadSettings,
	parseSettingsFromUrl,
	readStoredSettings,
	SETTINGS_STORAGE_KEY,
	settingsToUrlQuery,
	storedSettings,
	writeSettingsToParams,
} from './persistence.ts';
import { good, injections, lookAlikes, unusual } from './test-fixtures.ts';

describe('share link', () => {
	it('holds only the non-default values, in the settings’ order', () => {
		assert.equal(settingsToUrlQuery(defaultSettings), '');
		assert.equal(
			settingsToUrlQuery({ ...defaultSettings, port: '9000', service: 'orders' }),
			'service=orders&port=9000',
		);
		assert.equal(settingsToUrlQuery({ port: '9000' }), 'port=9000');
		assert.equal(
			settingsToUrlQuery(unusual),
			'service=a&version=10.20.30-rc.1%2Bbuild.5&app=pkg_1.sub.mod:create_app&port=65535&python=3.9&deployment=x-1&log-level=critical&sample-rate=0',
		);
	});

	it('never writes a value that fails its rule', () => {
		assert.equal(
			settingsToUrlQuery({
				...defaultSettings,
				service: '<img src=x onerror=alert(1)>',
				port: '9000',
			}),
			'port=9000',
		);
	});

	it('round-trips: what is written is read back unchanged', () => {
		for (const values of [
			defaultSettings,
			unusual,
			{ ...defaultSettings, service: 'orders', port: '9000' },
			{ ...unusual, sampleRate: '1', python: '3.14' },
		]) {
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
		const { values, problems } = parseSettingsFromUrl(
			'?q=gunicorn&service=orders&port=99999&type=Gauge&sort=metric&python=3.8&log-level=WARNING&app=%3Cscript%3E&foo=bar',
		);
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
		assert.equal(
			problems[0]?.message,
			'ASGI app in the link (app): “<script>” has no colon before the app’s name.',
		);
		assert.equal(
			parseSettingsFromUrl('?app=app.main').problems[0]?.message,
			'ASGI app in the link (app): “app.main” has no colon before the app’s name, as in “app.main:app”.',
		);
	});

	it('takes a query with or without ?, a parameter in any case and with or without dashes, the first of a repeated one (saying so), and reports an empty one', () => {
		assert.deepEqual(parseSettingsFromUrl('service=orders').values, { service: 'orders' });
		assert.deepEqual(
			parseSettingsFromUrl('?SERVICE=orders&sampleRate=0.5&log_level=debug').values,
			{ service: 'orders', sampleRate: '0.5', logLevel: 'debug' },
		);
		const repeated = parseSettingsFromUrl('?port=9000&port=9001&port=9000');
		assert.deepEqual(repeated.values, { port: '9000' });
		assert.deepEqual(
			repeated.problems.map((problem) => problem.message),
			['Port is in the link more than once: the first value was read, not “9001”.'],
		);
		assert.deepEqual(parseSettingsFromUrl('?port=9000&port=9000').problems, []);
		assert.equal(
			writeSettingsToParams(new URLSearchParams('q=x&sampleRate=0.5&PORT=1'), {}).toString(),
			'q=x',
		);
		assert.deepEqual(parseSettingsFromUrl('').values, {});
		const empty = parseSettingsFromUrl('?service=');
		assert.deepEqual(empty.values, {});
		assert.equal(empty.problems[0]?.param, 'service');
		assert.match(empty.problems[0]?.message ?? '', /Enter the service name/);
		// A hand-typed + reads as a space in a query.
		const plus = parseSettingsFromUrl('?version=1.0.0+build.5');
		assert.match(plus.problems[0]?.message ?? '', /%2B/);
		assert.deepEqual(parseSettingsFromUrl('?version=1.0.0%2Bbuild.5').values, {
			version: '1.0.0+build.5',
		});
	});

	it('refuses every injection string and look-alike from the URL', () => {
		for (const { key, param } of settingDefinitions) {
			for (const text of [...injections, ...lookAlikes[key]]) {
				const { values, problems } = parseSettingsFromUrl(
					new URLSearchParams({ [param]: text }).toString(),
				);
				assert.deepEqual(values, {}, `${param}=${text}`);
				assert.equal(problems.length, 1);
			}
		}
	});

	it('writes into a query without touching other parameters', () => {
		const params = writeSettingsToParams(new URLSearchParams('q=healthz&service=old&type=Gauge'), {
			...defaultSettings,
			port: '9000',
		});
		assert.equal(params.toString(), 'q=healthz&type=Gauge&port=9000');
	});
});

describe('localStorage', () => {
	it('one versioned key; the non-default values as versioned JSON', () => {
		assert.equal(SETTINGS_STORAGE_KEY, 'cheat-sheet:settings:v1');
		assert.equal(storedSettings(defaultSettings), '{"version":1,"values":{}}');
		assert.equal(
			storedSettings({ ...defaultSettings, port: '9000' }),
			'{"version":1,"values":{"port":"9000"}}',
		);
	});

	it('round-trips', () => {
		assert.deepEqual(mergeSettings(readStoredSettings(storedSettings(unusual))), unusual);
		assert.deepEqual(
			mergeSettings(readStoredSettings(storedSettings(defaultSettings))),
			defaultSettings,
		);
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
			values: {
				service: '<img src=x onerror=alert(1)>',
				port: 9000,
				app: 'pkg.mod:application',
				python: '3.8',
				logLevel: 'ERROR',
				unknown: 'x',
				__proto__: 'y',
			},
		});
		assert.deepEqual(readStoredSettings(raw), { app: 'pkg.mod:application', logLevel: 'error' });
		assert.deepEqual(
			readStoredSettings('{"version":1,"values":{"__proto__":{"service":"orders"}}}'),
			{},
		);
		for (const key of settingKeys) {
			for (const text of [...injections, ...lookAlikes[key]])
				assert.deepEqual(
					readStoredSettings(JSON.stringify({ version: 1, values: { [key]: text } })),
					{},
				);
		}
	});
});

describe('merging', () => {
	it('a link with usable values is a whole setup over the defaults; without any, the stored values stay', () => {
		const stored = storedSettings({ ...defaultSettings, service: 'stored', port: '7000' });
		const { values, problems, loadedFromLink } = loadSettings(
			stored,
			'?port=9000&python=3.13&log-level=nope',
		);
		// The sharer's service name was the default: this browser's `stored` does not mix in.
		assert.deepEqual(values, { ...defaultSettings, port: '9000', python: '3.13' });
		assert.equal(loadedFromLink, true);
		assert.deepEqual(
			problems.map((problem) => problem.param),
			['log-level'],
		);
		// A link with nothing usable leaves the stored values in force.
		const unusable = loadSettings(stored, '?port=0');
		assert.deepEqual(unusable.values, { ...defaultSettings, service: 'stored', port: '7000' });
		assert.equal(unusable.loadedFromLink, false);
		assert.equal(loadSettings(stored, '?q=x').values.service, 'stored');
		assert.deepEqual(loadSettings(null, '').values, defaultSettings);
		assert.deepEqual(loadSettings('{broken', '?q=x').values, defaultSettings);
	});
});
