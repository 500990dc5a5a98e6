import assert from 'node:assert/strict';
import { it } from 'node:test';
import { dockerignoreProblems } from './dockerignore-check.ts';

it('dockerignoreProblems wants .venv listed and not brought back', () => {
	assert.deepEqual(dockerignoreProblems('# local\n.git\n.venv/\n__pycache__\n'), []);
	assert.deepEqual(dockerignoreProblems('**/.venv\n'), []);
	assert.deepEqual(dockerignoreProblems('.git\n# .venv\nvenv\n'), ['does not list .venv']);
	assert.deepEqual(dockerignoreProblems('.venv\n!.venv\n'), [
		'lists .venv, but a later !.venv brings it back',
	]);
});
