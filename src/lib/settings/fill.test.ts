import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSpellings, settingPlaces } from '#data/setting-places.ts';
import { allTemplates, snippets } from '#data/snippets.ts';
import {
	fillTemplate,
	formatPlace,
	isCustomized,
	parsePlaceLine,
	placeProblems,
	placeRanges,
} from './fill.ts';
import { defaultSettings, settingKeys, type SettingValues } from './rules.ts';
import { snippetText } from '#lib/templates/snippet.ts';
import { unusual } from './test-fixtures.ts';

const root = new URL('../../../', import.meta.url);
const fileText = (file: string) => readFileSync(new URL(`src/snippets/${file}`, root), 'utf8');
/** Every template file: the sheet's, the hardened variants, the added ones. */
const files = allTemplates.map((template) => template.file);
const sheetFiles = snippets.map((snippet) => snippet.file);

/** Each declared place as `file:line setting “text”`, to read the whole map at a glance. */
function placeList(values: SettingValues = defaultSettings): string[] {
	return sheetFiles.flatMap((file) => {
		const lines = fillTemplate(file, fileText(file), values).split('\n');
		return placeRanges(file, values).map(
			(range) =>
				`${file}:${range.line} ${range.setting} ${lines[range.line - 1]?.slice(range.start, range.end)}`,
		);
	});
}

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

describe('fillTemplate', () => {
	it('at the defaults, every template is byte for byte its file', () => {
		for (const file of files) {
			const text = fileText(file);
			assert.equal(fillTemplate(file, text, defaultSettings), text, file);
			assert.equal(fillTemplate(file, snippetText(text), defaultSettings), snippetText(text), file);
			assert.equal(fillTemplate(file, text, { ...defaultSettings }), text, file);
		}
		assert.equal(isCustomized(defaultSettings), false);
		assert.equal(isCustomized(unusual), true);
	});

	it('with unusual values, only the declared lines differ, and on each only the declared ranges', () => {
		let changedLines = 0;
		for (const file of files) {
			const before = snippetText(fileText(file)).split('\n');
			const after = fillTemplate(file, snippetText(fileText(file)), unusual).split('\n');
			assert.equal(after.length, before.length, file);
			const defaultRanges = placeRanges(file);
			const filledRanges = placeRanges(file, unusual);
			assert.equal(filledRanges.length, defaultRanges.length);
			before.forEach((line, index) => {
				const ranges = defaultRanges.filter((range) => range.line === index + 1);
				if (!ranges.length) {
					assert.equal(after[index], line, `${file}:${index + 1} has no place and must not change`);
					return;
				}
				// The line rebuilt from its text outside the ranges and the new values between.
				const markers = parsePlaceLine(
					settingPlaces[file]?.places.find((place) => place.line === index + 1)?.text ?? '',
				).flatMap((segment) => (typeof segment === 'string' ? [] : [segment]));
				assert.deepEqual(
					markers.map((marker) => marker.setting),
					ranges.map((range) => range.setting),
				);
				let expected = '';
				let last = 0;
				ranges.forEach((range, which) => {
					expected +=
						line.slice(last, range.start) +
						formatPlace(unusual[range.setting], markers[which]?.format);
					last = range.end;
				});
				expected += line.slice(last);
				assert.equal(after[index], expected, `${file}:${index + 1}`);
				assert.notEqual(after[index], line, `${file}:${index + 1} should change`);
				changedLines++;
				// The ranges in the filled text hold exactly the new values.
				for (const range of filledRanges.filter((candidate) => candidate.line === index + 1)) {
					assert.equal(
						after[index]?.slice(range.start, range.end).toLowerCase(),
						unusual[range.setting].toLowerCase(),
						`${file}:${index + 1} ${range.setting}`,
					);
				}
			});
		}
		// The sheet's 13 place lines, the hardened variants' 17 and the added templates' 9.
		assert.equal(changedLines, 13 + 17 + 9);
		assert.deepEqual(placeList(unusual), [
			'Dockerfile:2 python 3.9',
			'Dockerfile:16 python 3.9',
			'Dockerfile:25 port 65535',
			'Dockerfile:27 app pkg_1.sub.mod:create_app',
			'gunicorn.conf.py:4 port 65535',
			'gunicorn.conf.py:15 logLevel critical',
			'logging_config.py:4 logLevel CRITICAL',
			'otel_setup.py:10 service a',
			'otel_setup.py:10 version 10.20.30-rc.1+build.5',
			'sentry_setup.py:9 sampleRate 0',
			'quick-commands.sh:2 app pkg_1.sub.mod:create_app',
			'quick-commands.sh:11 service a',
			'quick-commands.sh:14 deployment x-1',
			'quick-commands.sh:15 deployment x-1',
		]);
	});

	it('a setting changed alone changes only its own lines', () => {
		const changed: SettingValues = { ...unusual };
		for (const key of settingKeys) {
			const values = { ...defaultSettings, [key]: changed[key] };
			for (const file of files) {
				const before = fileText(file).split('\n');
				const after = fillTemplate(file, fileText(file), values).split('\n');
				const ownLines = new Set(
					placeRanges(file)
						.filter((range) => range.setting === key)
						.map((range) => range.line),
				);
				before.forEach((line, index) =>
					assert.equal(
						after[index] !== line,
						ownLines.has(index + 1),
						`${key} in ${file}:${index + 1}`,
					),
				);
			}
		}
	});

	it('reads the filled lines the sheet’s way', () => {
		const filled = (file: string, line: number, values: Partial<SettingValues>) =>
			fillTemplate(file, fileText(file), { ...defaultSettings, ...values }).split('\n')[line - 1];
		assert.equal(filled('Dockerfile', 2, { python: '3.13' }), 'FROM python:3.13-slim AS builder');
		assert.equal(
			filled('Dockerfile', 27, { app: 'orders.api:app' }),
			'CMD ["gunicorn", "orders.api:app", "-c", "gunicorn.conf.py"]',
		);
		assert.equal(
			filled('gunicorn.conf.py', 4, { port: '9000' }),
			`bind = f"0.0.0.0:{os.getenv('PORT', '9000')}"`,
		);
		assert.equal(
			filled('logging_config.py', 4, { logLevel: 'warning' }),
			'def setup_logging(json_logs: bool = True, log_level: str = "WARNING"):',
		);
		assert.equal(
			filled('otel_setup.py', 10, { service: 'orders', version: '2.1.0' }),
			'    resource = Resource.create({"service.name": "orders", "service.version": "2.1.0"})',
		);
		assert.equal(
			filled('sentry_setup.py', 9, { sampleRate: '0.25' }),
			'    traces_sample_rate=0.25,',
		);
		assert.equal(
			filled('quick-commands.sh', 15, { deployment: 'orders-api' }),
			'kubectl rollout undo deployment/orders-api  # rollback',
		);
	});

	it('filled Python templates are still valid Python, and the commands valid bash', () => {
		const dir = mkdtempSync(join(tmpdir(), 'filled-'));
		const paths: string[] = [];
		for (const [index, values] of [
			unusual,
			{
				...defaultSettings,
				sampleRate: '1',
				logLevel: 'debug',
				python: '3.14',
				version: '0.0.1-alpha',
			},
		].entries()) {
			for (const snippet of allTemplates) {
				const path = join(dir, `${index}-${snippet.file.replace('/', '-')}`);
				writeFileSync(path, fillTemplate(snippet.file, fileText(snippet.file), values));
				if (snippet.lang === 'python') paths.push(path);
				if (snippet.lang === 'bash') execFileSync('bash', ['-n', path]);
			}
		}
		execFileSync('python3', [
			'-c',
			'import ast, sys\nfor path in sys.argv[1:]: ast.parse(open(path).read(), path)',
			...paths,
		]);
	});

	it('refuses a value that fails its rule, and a place list that no longer fits', () => {
		for (const [key, text] of [
			['service', '<img src=x onerror=alert(1)>'],
			['app', 'javascript:alert'],
			['port', '0'],
			['python', '3.8'],
		] as const) {
			assert.throws(
				() =>
					fillTemplate('Dockerfile', fileText('Dockerfile'), { ...defaultSettings, [key]: text }),
				new RegExp(`Setting ${key}:`),
			);
		}
		assert.throws(
			() =>
				fillTemplate(
					'Dockerfile',
					fileText('Dockerfile').replace('EXPOSE 8000', 'EXPOSE 8080'),
					unusual,
				),
			/Dockerfile line 25 reads "EXPOSE 8080", not "EXPOSE 8000": update src\/data\/setting-places\.ts/,
		);
	});

	it('fills values in their one spelling', () => {
		assert.equal(
			fillTemplate('gunicorn.conf.py', fileText('gunicorn.conf.py'), {
				...defaultSettings,
				logLevel: 'ERROR',
				port: ' 9000 ',
			}).split('\n')[14],
			'loglevel = os.getenv("LOG_LEVEL", "error")',
		);
	});
});
