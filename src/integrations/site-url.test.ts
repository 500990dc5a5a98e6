import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { siteUrl } from './site-url.ts';

describe('SITE_URL', () => {
	it('unset or empty: no site, so no canonical link and no sitemap', () => {
		assert.equal(siteUrl(undefined), undefined);
		assert.equal(siteUrl(''), undefined);
		assert.equal(siteUrl('  '), undefined);
	});

	it('set: the origin the canonical links and the sitemap use', () => {
		assert.equal(siteUrl('https://x.example'), 'https://x.example/');
		assert.equal(
			siteUrl(' https://docs.example.org/cheat-sheet/ '),
			'https://docs.example.org/cheat-sheet/',
		);
	});

	it('not an http(s) URL: the build stops and says why', () => {
		assert.throws(() => siteUrl('cheatsheet.example.org'), /absolute URL/);
		assert.throws(() => siteUrl('ftp://x.example'), /https:\/\//);
	});
});
