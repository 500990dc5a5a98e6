import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings, settingKeys, validateSetting } from './rules.ts';
import { good, injections, lookAlikes, error, problem } from './test-fixtures.ts';

describe('no markup, script or URL scheme passes any rule', () => {
	it('injection strings are refused by every setting', () => {
		for (const key of settingKeys) for (const text of injections) error(key, text);
	});

	it('unicode look-alikes are refused, naming the character', () => {
		for (const key of settingKeys) {
			for (const text of lookAlikes[key]) {
				const message = error(key, text);
				assert.match(message, /U\+[0-9A-F]{4}/, `${key} ${JSON.stringify(text)}: ${message}`);
			}
		}
		assert.equal(
			problem('service', 'mу-service'),
			'“mу-service” has “у” (U+0443), which a Kubernetes name cannot hold.',
		);
		assert.equal(
			problem('service', 'my\u200b-service'),
			'“my\u200b-service” has the invisible character U+200B, which a Kubernetes name cannot hold.',
		);
		assert.equal(
			problem('service', 'my-service\u0301'),
			'“my-service\u0301” has the combining mark U+0301, which a Kubernetes name cannot hold.',
		);
		assert.equal(
			problem('port', '８０００'),
			'“８０００” has “８” (U+FF18), which is not an ASCII digit.',
		);
		assert.equal(
			problem('logLevel', 'ınfo'),
			'“ınfo” has “ı” (U+0131), which is not an ASCII letter.',
		);
		assert.equal(
			problem('service', 'kaf\u212Aa'),
			'“kaf\u212Aa” has “\u212A” (U+212A), which a Kubernetes name cannot hold.',
		);
	});

	it('a value that passes holds only ASCII letters, digits and . - _ : + (fuzzed with markup and look-alikes)', () => {
		// The alphabet of every grammar: no <, >, ", ', &, `, =, (, ), /, \, ;, space or anything outside ASCII.
		const safe = /^[A-Za-z0-9._:+-]+$/;
		const pieces = [
			'<',
			'>',
			'"',
			"'",
			'&',
			'`',
			'=',
			'(',
			')',
			'/',
			'\\',
			';',
			' ',
			'\n',
			'%3C',
			'&lt;',
			'javascript:',
			'data:',
			'onerror',
			'а',
			'‐',
			'８',
			'\u200b',
			'\u202e',
			':',
			'.',
			'-',
			'_',
			'+',
			'0',
			'1',
			'3.1',
			'app',
			'x',
		];
		let seed = 10;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const candidates = [
			...injections,
			...Object.values(lookAlikes).flat(),
			...Object.values(good).flat(),
		];
		for (let round = 0; round < 3000; round++) {
			const base = settingKeys[round % settingKeys.length]!;
			let text = defaultSettings[base];
			const position = Math.floor(random() * (text.length + 1));
			text =
				text.slice(0, position) +
				pieces[Math.floor(random() * pieces.length)] +
				text.slice(position);
			candidates.push(text);
		}
		let accepted = 0;
		for (const key of settingKeys) {
			for (const text of candidates) {
				const checked = validateSetting(key, text);
				if (!('value' in checked)) continue;
				accepted++;
				assert.match(checked.value, safe, `${key} accepted ${JSON.stringify(text)}`);
				assert.doesNotMatch(
					checked.value,
					/^(javascript|vbscript|livescript|data):/i,
					`${key} accepted ${JSON.stringify(text)}`,
				);
			}
		}
		assert.ok(accepted > 100, `only ${accepted} values passed: the fuzzing proves little`);
	});
});
