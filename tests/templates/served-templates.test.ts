import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snippets } from '#data/snippets.ts';
import { checkTemplates } from './check-template.ts';
import { defaults } from './filled.ts';
import { servedTemplates, snippetDataEntries, templateKind } from './served-templates.ts';

describe('servedTemplates', () => {
	it('finds every snippet of src/data/snippets.ts, each marked as the sheet’s own text', () => {
		const served = servedTemplates();
		for (const snippet of snippets) {
			const template = served.find((item) => item.path === snippet.file);
			assert.ok(template, snippet.file);
			assert.equal(template.lang, snippet.lang);
			assert.equal(template.fromSheet, true);
			assert.ok(template.kind, `${snippet.file} has a checker`);
		}
	});

	it('picks up the hardened variants and the added templates from the folder and the data, each with its checker', () => {
		const extra = servedTemplates().filter((template) => !template.fromSheet);
		assert.deepEqual(
			extra.map(({ path, hardened, kind }) => [path, hardened, kind]),
			[
				['added/.dockerignore', false, 'dockerignore'],
				['added/deployment.yaml', false, 'yaml'],
				['added/start.sh', false, 'shell'],
				['hardened/Dockerfile', true, 'dockerfile'],
				['hardened/gunicorn.conf.py', true, 'python'],
				['hardened/health.py', true, 'python'],
				['hardened/logging_config.py', true, 'python'],
				['hardened/otel_setup.py', true, 'python'],
				['hardened/quick-commands.sh', true, 'shell'],
				['hardened/request_logging_middleware.py', true, 'python'],
				['hardened/sentry_setup.py', true, 'python'],
			],
		);
	});

	it('fails when the data lists a file that is not there', () => {
		assert.throws(
			() => servedTemplates(undefined, [{ file: 'hardened/missing.py', lang: 'python' }]),
			/lists files missing .*hardened\/missing\.py/,
		);
	});

	it('reads entries from every exported array of the data, whatever else they carry', () => {
		const data = {
			snippets: [{ file: 'a.py', lang: 'python', page: 'x' }],
			hardenedSnippets: [{ file: 'hardened/a.py', lang: 'python', note: 'y' }],
			verifiedWith: { fastapi: '0.115' },
			count: 3,
		};
		assert.deepEqual(snippetDataEntries(data), [
			{ file: 'a.py', lang: 'python' },
			{ file: 'hardened/a.py', lang: 'python' },
		]);
	});
});

describe('templateKind', () => {
	it('decides by file name, then language, then extension', () => {
		assert.equal(templateKind('.dockerignore', 'ignore'), 'dockerignore');
		assert.equal(templateKind('Dockerfile', undefined), 'dockerfile');
		assert.equal(templateKind('Dockerfile.hardened', 'text'), 'dockerfile');
		assert.equal(templateKind('run', 'sh'), 'shell');
		assert.equal(templateKind('probes.yml', undefined), 'yaml');
		assert.equal(templateKind('pyproject.toml', 'toml'), undefined);
	});

	it('a template no checker knows fails the checks, by name', async () => {
		const template = {
			path: 'pyproject.toml',
			name: 'pyproject.toml',
			hardened: false,
			fromSheet: false,
			lang: 'toml',
			kind: undefined,
			text: '[project]\n',
		};
		const { problems } = await checkTemplates(
			[
				{
					template,
					label: 'src/snippets/pyproject.toml',
					values: defaults.values,
					settings: defaults.label,
					text: template.text,
				},
			],
			[],
		);
		assert.deepEqual(problems, [
			[
				'no checker for src/snippets/pyproject.toml (lang toml): add its kind to templateKind in tests/templates/served-templates.ts',
			],
		]);
	});
});
