import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settingPlaces } from '#data/setting-places.ts';
import { allTemplates } from '#data/snippets.ts';
import { fillTemplate, formatPlace, isCustomized, parsePlaceLine, placeRanges } from './fill.ts';
import { defaultSettings, settingKeys, type SettingValues } from './rules.ts';
import { snippetText } from '#lib/templates/snippet.ts';
import { fileText, files, placeList, unusual } from './test-fixtures.ts';

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
