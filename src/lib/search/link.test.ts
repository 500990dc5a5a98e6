import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTypingInto, MAX_QUERY_LENGTH, searchQueryFrom } from './link.ts';

describe('searchQueryFrom', () => {
	it('reads the term of a shared search link', () => {
		assert.equal(searchQueryFrom('?q=WEB_CONCURRENCY'), 'WEB_CONCURRENCY');
		assert.equal(searchQueryFrom('?sort=type&q=%20--frozen%20'), '--frozen');
		assert.equal(searchQueryFrom('?q=%3Cscript%3E'), '<script>');
	});

	it('has no term for a link without one', () => {
		assert.equal(searchQueryFrom(''), undefined);
		assert.equal(searchQueryFrom('?q='), undefined);
		assert.equal(searchQueryFrom('?q=%20%20'), undefined);
		assert.equal(searchQueryFrom('?filter=pool'), undefined);
	});

	it('bounds a long term', () => {
		assert.equal(searchQueryFrom(`?q=${'a'.repeat(500)}`)?.length, MAX_QUERY_LENGTH);
	});
});

describe('isTypingInto', () => {
	it('is true for fields and editable text, false elsewhere', () => {
		for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT'])
			assert.equal(isTypingInto({ tagName }), true);
		assert.equal(isTypingInto({ tagName: 'DIV', isContentEditable: true }), true);
		assert.equal(isTypingInto({ tagName: 'BODY', isContentEditable: false }), false);
		assert.equal(isTypingInto(null), false);
	});
});
