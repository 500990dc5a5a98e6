import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePolicy } from './csp.ts';
import { headersFor, parseHeadersFile } from './headers-file.ts';

const rules = parseHeadersFile(
	readFileSync(new URL('../../../public/_headers', import.meta.url), 'utf8'),
);

describe('public/_headers', () => {
	it('keeps hashed assets for a year', () => {
		for (const path of [
			'/_astro/page.cNngjUgL.js',
			'/pagefind/fragment/en_1.pf_fragment',
			'/pagefind/index/en_2.pf_index',
		]) {
			assert.equal(
				headersFor(rules, path)['cache-control'],
				'public, max-age=31536000, immutable',
				path,
			);
		}
	});

	it('has HTML, the service worker and Pagefind’s entry revalidated on every load', () => {
		for (const path of [
			'/',
			'/metrics/',
			'/sw.js',
			'/pagefind/pagefind-entry.json',
			'/manifest.webmanifest',
		]) {
			assert.equal(headersFor(rules, path)['cache-control'], 'no-cache', path);
		}
	});

	it('sends security headers everywhere', () => {
		const headers = headersFor(rules, '/gunicorn/');
		assert.match(headers['content-security-policy'] ?? '', /default-src 'self'/);
		assert.equal(headers['x-content-type-options'], 'nosniff');
		assert.ok(headers['referrer-policy']);
	});
});

describe('the Content-Security-Policy of public/_headers', () => {
	const policy = parsePolicy(headersFor(rules, '/')['content-security-policy'] ?? '');
	const scriptSources = policy.get('script-src') ?? [];
	const styleSources = policy.get('style-src') ?? [];

	it('runs only the site’s files and the inline scripts its hashes name', () => {
		assert.equal(scriptSources[0], "'self'");
		for (const unsafe of [
			"'unsafe-inline'",
			"'unsafe-eval'",
			"'unsafe-hashes'",
			"'strict-dynamic'",
			'*',
			'data:',
			'blob:',
		]) {
			assert.ok(!scriptSources.includes(unsafe), `script-src has ${unsafe}`);
		}
		assert.ok(scriptSources.includes("'wasm-unsafe-eval'"), 'Pagefind compiles WebAssembly');
		assert.ok(
			scriptSources.filter((source) => source.startsWith("'sha256-")).length > 0,
			'hashes for the inline scripts',
		);
		assert.ok(
			scriptSources.every((source) =>
				/^'(self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/]{43}=)'$/.test(source),
			),
			scriptSources.join(' '),
		);
	});

	it('allows inline styles without hashes, which would switch that off', () => {
		assert.deepEqual(styleSources, ["'self'", "'unsafe-inline'"]);
		assert.ok(!policy.has('style-src-elem') && !policy.has('style-src-attr'));
	});

	it('loads nothing from another origin and lets no one frame the site', () => {
		assert.deepEqual(policy.get('default-src'), ["'self'"]);
		assert.deepEqual(policy.get('object-src'), ["'none'"]);
		assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
		assert.deepEqual(policy.get('base-uri'), ["'self'"]);
	});
});

describe('parseHeadersFile', () => {
	it('joins repeated headers and lets `!` drop them', () => {
		const parsed = parseHeadersFile('/*\n  X-A: 1\n/b/*\n  X-A: 2\n/c/*\n  ! X-A\n  X-A: 3\n');
		assert.deepEqual(headersFor(parsed, '/b/x'), { 'x-a': '1, 2' });
		assert.deepEqual(headersFor(parsed, '/c/x'), { 'x-a': '3' });
	});

	it('rejects a line it cannot read instead of ignoring it', () => {
		assert.throws(() => parseHeadersFile('/*\n  not a header\n'), /Unreadable line/);
		assert.throws(() => parseHeadersFile('  X-A: 1\n'), /before any path/);
	});
});

describe('deploy/nginx.conf', () => {
	const nginx = readFileSync(new URL('../../../deploy/nginx.conf', import.meta.url), 'utf8');

	it('sends the same security headers as public/_headers', () => {
		const headers = headersFor(rules, '/');
		for (const name of [
			'content-security-policy',
			'x-content-type-options',
			'referrer-policy',
			'permissions-policy',
		]) {
			const value = headers[name] ?? '';
			assert.ok(value, name);
			assert.ok(nginx.includes(value), `${name}: ${value}`);
		}
	});

	it('sends what docs/deploy.md says, which points at the two files for the policy instead of a third copy', () => {
		const doc = readFileSync(new URL('../../../docs/deploy.md', import.meta.url), 'utf8');
		// `add_header Name value always;`, the value quoted or not.
		const sent = [...nginx.matchAll(/^\s*add_header\s+([\w-]+)\s+("[^"]*"|\S+)\s+always;$/gm)].map(
			([, name = '', value = '']) => [name, value.replace(/^"|"$/g, '')] as const,
		);
		assert.equal(sent.length, 5);
		assert.equal(
			sent.length,
			nginx.split('\n').filter((line) => line.trim().startsWith('add_header ')).length,
			'every add_header read',
		);
		// The doc's table: | `Name` | what it sends |, its cells padded to line up (Prettier).
		const rows = new Map(
			[...doc.matchAll(/^\| `([\w-]+)` +\| (.+?) *\|$/gm)].map(([, name = '', text = '']) => [
				name,
				text,
			]),
		);
		assert.deepEqual(
			[...rows.keys()],
			sent.map(([name]) => name),
			'the doc names every header nginx.conf sends, in its order',
		);
		for (const [name, value] of sent) {
			const row = rows.get(name) ?? '';
			if (name === 'Cache-Control') {
				for (const text of [
					'`public, max-age=31536000, immutable`',
					'`no-cache`',
					'`_astro/`',
					'`pagefind/fragment/`',
					'`pagefind/index/`',
				])
					assert.ok(row.includes(text), `${name}: ${text}`);
			} else if (name !== 'Content-Security-Policy') {
				assert.ok(row.includes(`\`${value}\``), `${name}: ${value}`);
			}
		}
		assert.doesNotMatch(doc, /sha256-|default-src/, 'no copy of the policy to fall out of step');
		for (const file of ['../public/_headers', '../deploy/nginx.conf'])
			assert.ok(doc.includes(`](${file})`), `links ${file}`);
	});

	it('keeps the same paths for a year', () => {
		assert.match(
			nginx,
			/~\^\/\(_astro\|pagefind\/fragment\|pagefind\/index\)\/\s+"public, max-age=31536000, immutable";/,
		);
		assert.match(nginx, /default\s+"no-cache";/);
	});
});
