import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headersFor, parseHeadersFile } from '../../src/lib/headers-file.ts';

const rules = parseHeadersFile(readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8'));

describe('public/_headers', () => {
	it('keeps hashed assets for a year', () => {
		for (const path of ['/_astro/page.cNngjUgL.js', '/pagefind/fragment/en_1.pf_fragment', '/pagefind/index/en_2.pf_index']) {
			assert.equal(headersFor(rules, path)['cache-control'], 'public, max-age=31536000, immutable', path);
		}
	});

	it('has HTML, the service worker and Pagefind’s entry revalidated on every load', () => {
		for (const path of ['/', '/metrics/', '/sw.js', '/pagefind/pagefind-entry.json', '/manifest.webmanifest']) {
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
	const nginx = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');

	it('sends the same security headers as public/_headers', () => {
		const headers = headersFor(rules, '/');
		for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy']) {
			const value = headers[name] ?? '';
			assert.ok(value, name);
			assert.ok(nginx.includes(value), `${name}: ${value}`);
		}
	});

	it('keeps the same paths for a year', () => {
		assert.match(nginx, /~\^\/\(_astro\|pagefind\/fragment\|pagefind\/index\)\/\s+"public, max-age=31536000, immutable";/);
		assert.match(nginx, /default\s+"no-cache";/);
	});
});
