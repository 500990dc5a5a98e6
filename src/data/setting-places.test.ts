import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSpellings, settingPlaces } from '#data/setting-places.ts';
import {
	fillTemplate,
	formatPlace,
	parsePlaceLine,
	placeProblems,
	placeRanges,
} from '#lib/settings/fill.ts';
import { defaultSettings, settingKeys } from '#lib/settings/rules.ts';
import { snippetText } from '#lib/templates/snippet.ts';
import { fileText, files, placeList } from '#lib/settings/test-fixtures.ts';

const root = new URL('../../', import.meta.url);

describe('setting places: the map', () => {
	it('has an entry for every template file, and only for those', () => {
		assert.deepEqual(Object.keys(settingPlaces).sort(), [...files].sort());
		const onDisk = readdirSync(new URL('src/snippets/', root), {
			recursive: true,
			withFileTypes: true,
		})
			.filter((entry) => entry.isFile())
			.map((entry) =>
				join(entry.parentPath, entry.name).slice(new URL('src/snippets/', root).pathname.length),
			);
		assert.deepEqual(onDisk.sort(), [...files].sort());
	});

	it('every declared place still reads as declared, and every default in a snippet is a place or listed as another thing', () => {
		for (const file of files) assert.deepEqual(placeProblems(file, fileText(file)), [], file);
	});

	it('declares the places of the sheet’s templates (the issue’s list, and the app’s own log level)', () => {
		assert.deepEqual(placeList(), [
			'Dockerfile:2 python 3.12',
			'Dockerfile:16 python 3.12',
			'Dockerfile:25 port 8000',
			'Dockerfile:27 app app.main:app',
			'gunicorn.conf.py:4 port 8000',
			'gunicorn.conf.py:15 logLevel info',
			'logging_config.py:4 logLevel INFO',
			'otel_setup.py:10 service my-service',
			'otel_setup.py:10 version 1.0.0',
			'sentry_setup.py:9 sampleRate 0.1',
			'quick-commands.sh:2 app app.main:app',
			'quick-commands.sh:11 service my-service',
			'quick-commands.sh:14 deployment fastapi-service',
			'quick-commands.sh:15 deployment fastapi-service',
		]);
	});

	it('every setting has at least one place', () => {
		const used = new Set(files.flatMap((file) => placeRanges(file).map((range) => range.setting)));
		assert.deepEqual(
			[...settingKeys].filter((key) => !used.has(key)),
			[],
		);
	});

	it('the hunt looks for each default itself and for every spelling a place uses', () => {
		for (const key of settingKeys)
			assert.ok(defaultSpellings[key].includes(defaultSettings[key]), key);
		for (const file of files) {
			for (const place of settingPlaces[file]?.places ?? []) {
				for (const segment of parsePlaceLine(place.text)) {
					if (typeof segment === 'string') continue;
					const shown = formatPlace(defaultSettings[segment.setting], segment.format).toLowerCase();
					assert.ok(
						defaultSpellings[segment.setting].some((spelling) => spelling.toLowerCase() === shown),
						`${file}:${place.line} ${shown}`,
					);
				}
			}
		}
	});

	it('“not this setting” entries say why', () => {
		for (const file of files)
			for (const other of settingPlaces[file]?.notSettings ?? [])
				assert.ok(other.why.length > 10, `${file}:${other.line}`);
	});
});

describe('setting places: the check fails when a snippet changes', () => {
	const dockerfile = fileText('Dockerfile');

	it('a declared place that no longer reads as declared', () => {
		assert.deepEqual(
			placeProblems('Dockerfile', dockerfile.replace('EXPOSE 8000', 'EXPOSE 8080')),
			['Dockerfile:25 reads "EXPOSE 8080", declared "EXPOSE 8000"'],
		);
	});

	it('a line added above the places moves every one of them', () => {
		const problems = placeProblems('Dockerfile', `# syntax=docker/dockerfile:1\n${dockerfile}`);
		assert.ok(
			problems.some((problem) =>
				problem.startsWith('Dockerfile:2 reads "# ---- Build Stage ----"'),
			),
			problems.join('\n'),
		);
		assert.ok(
			problems.some((problem) => problem.startsWith('Dockerfile:3:13 "3.12" spells python')),
			problems.join('\n'),
		);
	});

	it('a default at a place that is not declared: a new port, a python3.12 path, an undeclared service name', () => {
		const added = `${snippetText(dockerfile)}\nENV PORT=8000 PYTHONPATH=/app/.venv/lib/python3.12/site-packages\nLABEL org.opencontainers.image.title=my-service\n`;
		assert.deepEqual(placeProblems('Dockerfile', added), [
			'Dockerfile:29:38 "my-service" spells service\'s default but is no declared place and not listed as another thing',
			'Dockerfile:28:10 "8000" spells port\'s default but is no declared place and not listed as another thing',
			'Dockerfile:28:47 "3.12" spells python\'s default but is no declared place and not listed as another thing',
		]);
	});

	it('any case and other spellings: INFO, Info, cp312, my_service', () => {
		const text = `${snippetText(fileText('health.py'))}\n# INFO Info cp312 my_service fastapi_service app/main.py`;
		assert.deepEqual(
			placeProblems('health.py', text).map((problem) => problem.replace(/ spells .*/, '')),
			[
				'health.py:26:19 "my_service"',
				'health.py:26:46 "app/main.py"',
				'health.py:26:15 "312"',
				'health.py:26:30 "fastapi_service"',
				'health.py:26:3 "INFO"',
				'health.py:26:8 "Info"',
			],
		);
	});

	it('a “not this setting” entry whose text is gone', () => {
		const middleware = fileText('request_logging_middleware.py').replace(
			'logger.info("request_started")',
			'logger.debug("request_started")',
		);
		assert.deepEqual(placeProblems('request_logging_middleware.py', middleware), [
			'request_logging_middleware.py:13 no longer holds "logger.info(" (listed as not logLevel)',
		]);
	});

	it('the default inside a declared place counts for that setting only', () => {
		// `8000` inside `0.0.0.0:{os.getenv('PORT', '8000')}` is the port: one place, columns exact.
		const [bind] = placeRanges('gunicorn.conf.py');
		assert.deepEqual(bind, { line: 4, start: 37, end: 41, setting: 'port' });
		assert.equal(fileText('gunicorn.conf.py').split('\n')[3]?.slice(37, 41), '8000');
		// `info` in logger.info(...) is no place: listed as not the log level.
		assert.deepEqual(placeRanges('request_logging_middleware.py'), []);
	});

	it('an unknown file or marker is an error, not a silent no-op', () => {
		assert.deepEqual(placeProblems('nginx.conf', 'listen 8000;'), [
			'nginx.conf has no entry in src/data/setting-places.ts',
		]);
		assert.throws(() => fillTemplate('nginx.conf', 'x', defaultSettings), /no entry/);
		assert.throws(() => parsePlaceLine('EXPOSE «ports»'), /Unknown setting/);
		assert.throws(() => parsePlaceLine('EXPOSE «port:lower»'), /Unknown format/);
	});
});
