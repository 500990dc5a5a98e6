import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notePlace, overlaps } from './note-placement.ts';

const box = (left: number, top: number, right: number, bottom: number) => ({
	left,
	top,
	right,
	bottom,
});
// A 1280 × 720 window: the note's two places, bottom right and top right under the header.
const places = { bottom: box(860, 650, 1264, 704), top: box(860, 80, 1264, 134) };

describe('offline note placement', () => {
	it('stays at the bottom while focus is elsewhere, or on nothing', () => {
		assert.equal(notePlace(undefined, places), 'bottom');
		assert.equal(notePlace(box(300, 650, 400, 690), places), 'bottom');
		assert.equal(notePlace(box(900, 300, 1000, 330), places), 'bottom');
	});

	it('moves to the top while the focused element is under its usual place', () => {
		assert.equal(notePlace(box(1100, 670, 1180, 700), places), 'top');
		assert.equal(notePlace(box(0, 600, 1280, 660), places), 'top');
	});

	it('steps out of sight when the focused element would be under either place', () => {
		assert.equal(notePlace(box(900, 0, 1000, 720), places), 'none');
	});

	it('counts touching edges as no overlap', () => {
		assert.equal(overlaps(box(0, 0, 10, 10), box(10, 0, 20, 10)), false);
		assert.equal(overlaps(box(0, 0, 10, 10), box(9, 9, 20, 20)), true);
	});
});
