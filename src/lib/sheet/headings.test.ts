import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headingTag, shiftedHeadings } from './headings.ts';

describe('heading levels', () => {
	it('keeps a heading’s level on its own page', () => {
		assert.equal(headingTag(2), 'h2');
		assert.equal(headingTag(3, 0), 'h3');
		assert.deepEqual(shiftedHeadings(0), {});
	});

	it('moves headings one level down inside a section of another page', () => {
		assert.equal(headingTag(2, 1), 'h3');
		assert.deepEqual(shiftedHeadings(1), { h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6', h6: 'h6' });
	});

	it('never goes past h6 or above h2', () => {
		assert.equal(headingTag(6, 3), 'h6');
		assert.equal(headingTag(1, 0), 'h2');
	});
});
