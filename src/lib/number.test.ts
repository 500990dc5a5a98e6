import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDecimal } from './number.ts';

const messages = { empty: 'Enter a number.' };

describe('parseDecimal: the one number rule of every field', () => {
	it('reads plain decimals, trimmed, with an optional sign', () => {
		const cases: Array<[string, number]> = [
			['2', 2],
			['1.5', 1.5],
			['0.25', 0.25],
			['.5', 0.5],
			['2.', 2],
			['  16 ', 16],
			['-2', -2],
			['+3', 3],
			['007', 7],
		];
		for (const [text, value] of cases)
			assert.deepEqual(parseDecimal(text, messages), { value }, text);
	});

	it('refuses what Number() would read but a person would not write', () => {
		for (const text of [
			'0x10',
			'0b1',
			'0o7',
			'1_000',
			'Infinity',
			'-Infinity',
			'NaN',
			'1.2.3',
			'12abc',
			'--1',
			'1 000',
			'٣',
		]) {
			assert.deepEqual(parseDecimal(text, messages), { error: `“${text}” is not a number.` }, text);
		}
	});

	it('says what to write instead of exponents and commas', () => {
		assert.deepEqual(parseDecimal('1e3', messages), {
			error: '“1e3”: write the number in plain digits, without an exponent.',
		});
		assert.deepEqual(parseDecimal(' 2.5E-3 ', messages), {
			error: '“2.5E-3”: write the number in plain digits, without an exponent.',
		});
		assert.deepEqual(parseDecimal('1,5', messages), {
			error: '“1,5”: write it without commas, with a dot for decimals, such as 1.5.',
		});
		assert.deepEqual(parseDecimal('16,384', messages), {
			error: '“16,384”: write it without commas, with a dot for decimals, such as 1.5.',
		});
	});

	it('gives the field’s own messages for an empty field and for no number at all', () => {
		for (const text of ['', '   ', '\t'])
			assert.deepEqual(parseDecimal(text, messages), { error: 'Enter a number.' });
		assert.deepEqual(
			parseDecimal(' lots ', {
				...messages,
				notANumber: (text) => `“${text}” is not a number of cores.`,
			}),
			{ error: '“lots” is not a number of cores.' },
		);
	});
});
