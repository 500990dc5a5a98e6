import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settingPlaces } from '#data/setting-places.ts';
import {
	addedTemplates,
	allTemplates,
	hardenedOf,
	hardenedSnippets,
	snippets,
} from '#data/snippets.ts';
import {
	verified,
	verifiedLine,
	verifiedPackages,
	verifiedVersion,
	verifiedWith,
	type VerifiedPackage,
} from '#data/verified-with.ts';
import { insertedLines, lineRanges } from './line-diff.ts';

const root = new URL('../../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(`src/snippets/${file}`, root), 'utf8');

describe('insertedLines', () => {
	it('marks nothing for the same text, everything against an empty one', () => {
		assert.deepEqual(insertedLines('a\nb\nc', 'a\nb\nc'), []);
		assert.deepEqual(insertedLines('', 'a\nb'), [1, 2]);
	});

	it('marks added and changed lines of the new text, not removed ones', () => {
		assert.deepEqual(insertedLines('a\nb\nc', 'a\nx\nc'), [2]);
		assert.deepEqual(insertedLines('a\nb\nc', 'a\nc'), []);
		assert.deepEqual(insertedLines('a\nb\nc', 'new\na\nb\nc\nend'), [1, 5]);
		assert.deepEqual(insertedLines('a\nb\nc\nd', 'b\na\nc\nd'), [2]);
	});

	it('keeps a longest common run, so a moved line counts once', () => {
		assert.deepEqual(insertedLines('1\n2\n3\n4\n5', '1\n3\n4\n5\n2'), [5]);
	});

	it('every line it leaves unmarked is the sheet’s, in the sheet’s order', () => {
		for (const snippet of snippets) {
			const sheet = read(snippet.file).split('\n');
			const hardened = read(`hardened/${snippet.file}`).split('\n');
			const marked = new Set(insertedLines(sheet.join('\n'), hardened.join('\n')));
			const kept = hardened.filter((_, index) => !marked.has(index + 1));
			let at = 0;
			for (const line of kept) {
				at = sheet.indexOf(line, at) + 1;
				assert.ok(
					at > 0,
					`${snippet.file}: unmarked line ${JSON.stringify(line)} is not the sheet’s`,
				);
			}
			assert.ok(marked.size > 0, `${snippet.file}: the hardened variant changes something`);
		}
	});
});

describe('lineRanges', () => {
	it('writes Expressive Code’s range syntax', () => {
		assert.equal(lineRanges([]), '');
		assert.equal(lineRanges([3]), '3');
		assert.equal(lineRanges([1, 2, 3, 5, 7, 8]), '1-3,5,7-8');
	});
});

describe('template files', () => {
	it('every entry points at an existing file, each once', () => {
		for (const template of allTemplates)
			assert.ok(existsSync(new URL(`src/snippets/${template.file}`, root)), template.file);
		assert.equal(new Set(allTemplates.map((template) => template.file)).size, allTemplates.length);
	});

	it('every sheet template has a hardened variant of the same name, page and title', () => {
		assert.equal(hardenedSnippets.length, snippets.length);
		for (const snippet of snippets) {
			const hardened = hardenedOf(snippet.file);
			assert.ok(hardened, snippet.file);
			assert.equal(hardened.file, `hardened/${snippet.file}`);
			assert.equal(hardened.page, snippet.page);
			assert.equal(hardened.title, snippet.title);
			assert.equal(hardened.lang, snippet.lang);
		}
	});

	it('every hardened and added file has its places declared, and ends with one newline', () => {
		for (const template of [...hardenedSnippets, ...addedTemplates]) {
			assert.ok(settingPlaces[template.file], `${template.file} in setting-places.ts`);
			const text = read(template.file);
			assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), template.file);
		}
	});

	it('added templates are shown on their page', () => {
		for (const template of addedTemplates) {
			const page = readFileSync(new URL(`src/content/docs/${template.page}.mdx`, root), 'utf8');
			assert.ok(
				page.includes(`<Template file="${template.file}" />`),
				`${template.file} on ${template.page}`,
			);
		}
	});

	it('hardened Python parses with Python 3.11 (Debian 12’s) and the shell scripts with bash', () => {
		for (const template of [...hardenedSnippets, ...addedTemplates]) {
			const path = new URL(`src/snippets/${template.file}`, root).pathname;
			if (template.lang === 'python')
				execFileSync('python3', [
					'-c',
					'import ast, sys; ast.parse(open(sys.argv[1]).read(), feature_version=(3, 11))',
					path,
				]);
			if (template.lang === 'bash') execFileSync('bash', ['-n', path]);
		}
	});

	it('the hardened templates hold what the production notes ask of them', () => {
		const dockerfile = read('hardened/Dockerfile');
		assert.doesNotMatch(dockerfile, /uv:latest/);
		assert.match(dockerfile, /ghcr\.io\/astral-sh\/uv:\d+\.\d+\.\d+ /);
		assert.match(dockerfile, /--no-install-project/);
		for (const needle of [
			'UV_COMPILE_BYTECODE=1',
			'UV_LINK_MODE=copy',
			'UV_PYTHON_DOWNLOADS=0',
			'--locked',
			'COPY --from=builder /app /app',
			'HEALTHCHECK',
			'urllib',
		])
			assert.ok(dockerfile.includes(needle), needle);
		// Code and packages stay root-owned: the app's user runs them and cannot rewrite them.
		assert.doesNotMatch(dockerfile, /--chown/);
		// asyncio.timeout needs Python 3.11; the Python setting goes down to 3.9.
		assert.doesNotMatch(read('hardened/health.py'), /asyncio\.timeout\(/);
		assert.match(
			read('hardened/logging_config.py'),
			/getLogger\("uvicorn\.access"\)\.disabled = True/,
		);
		assert.match(dockerfile, /^USER \d+$/m);
		assert.match(
			read('hardened/gunicorn.conf.py'),
			/worker_class = "uvicorn_worker\.UvicornWorker"/,
		);
		assert.doesNotMatch(read('hardened/gunicorn.conf.py'), /cpu_count\(\) \+ 1|multiprocessing/);
		assert.match(read('added/.dockerignore'), /^\.venv$/m);
		const deployment = read('added/deployment.yaml');
		for (const needle of [
			'startupProbe',
			'livenessProbe',
			'readinessProbe',
			'path: /healthz',
			'path: /readyz',
			'resource: limits.cpu',
			'terminationGracePeriodSeconds',
			'preStop',
		])
			assert.ok(deployment.includes(needle), needle);
		assert.match(read('added/start.sh'), /--proxy-headers/);
	});
});

describe('verified-with', () => {
	it('lists every hardened template and only known files, with the versions the smoke run had', () => {
		for (const template of hardenedSnippets) assert.ok(verifiedLine(template.file), template.file);
		for (const file of Object.keys(verifiedWith))
			assert.ok(
				allTemplates.some((template) => template.file === file),
				file,
			);
		for (const entry of Object.values<VerifiedPackage>(verifiedPackages)) {
			const version = verifiedVersion(entry);
			if (entry.notRun) assert.equal(version, undefined, entry.name);
			else assert.match(version ?? '', /^\d+\.\d+/, entry.name);
		}
	});

	it('says which packages ran, where, and which did not', () => {
		assert.match(
			verifiedLine('hardened/gunicorn.conf.py') ?? '',
			/^Smoke-run on Debian unstable, Python 3\.\d+\.\d+, with gunicorn [\d.]+ and uvicorn [\d.]+ installed; uvicorn-worker: not run here$/,
		);
		// uv is not in the run: the Dockerfile's pin is named as a pin, not as a version that ran.
		assert.match(
			verifiedLine('hardened/Dockerfile') ?? '',
			/; uv \d+\.\d+\.\d+ \(pinned\): not run here$/,
		);
		assert.match(
			verifiedLine('hardened/sentry_setup.py') ?? '',
			/^Smoke-run on .*, with sentry-sdk [\d.]+ and FastAPI [\d.]+ installed$/,
		);
	});

	it('claims a run only for the templates a smoke check ran', () => {
		for (const file of Object.keys(verifiedWith)) {
			const line = verifiedLine(file) ?? '';
			if (verified.exercised.includes(file))
				assert.match(line, /^Smoke-run on Debian unstable, /, file);
			else assert.match(line, /^Parsed, not run, on Debian unstable, /, file);
		}
		// Parsed only: it imports the gRPC exporter, which Debian's grpcio cannot construct.
		assert.ok(!verified.exercised.includes('hardened/otel_setup.py'));
		assert.ok(verified.exercised.includes('hardened/gunicorn.conf.py'));
	});

	it('the Dockerfile’s uv image is the pinned uv', () => {
		assert.ok(
			read('hardened/Dockerfile').includes(
				`ghcr.io/astral-sh/uv:${verifiedPackages.uv.pinned.version} `,
			),
		);
	});
});
