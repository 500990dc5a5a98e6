import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { it } from 'node:test';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

it('CI runs the README’s test command', () => {
	const readmeCommand = /# Run every test[^\n]*\n(?<command>[^\n]+)/.exec(read('README.md'))
		?.groups?.['command'];
	assert.equal(readmeCommand, 'npm ci && npm test');
	const ciCommands = read('.ci/run')
		.split('\n')
		.filter((line) => line.startsWith('npm '));
	assert.deepEqual(ciCommands.join(' && '), readmeCommand);
});
