import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pythonSyntaxErrors } from './python-syntax.ts';

it('pythonSyntaxErrors finds a broken text among good ones, and syntax too new for the target Python', async () => {
	const { python, errors } = await pythonSyntaxErrors([
		{ label: 'good.py', text: 'import os\nprint(os.sep)\n' },
		{ label: 'broken.py', text: 'def f(:\n    pass\n' },
		{ label: 'match.py', text: 'match x:\n    case 1:\n        pass\n', pythonVersion: '3.9' },
		{
			label: 'match-3.10.py',
			text: 'match x:\n    case 1:\n        pass\n',
			pythonVersion: '3.10',
		},
	]);
	assert.match(python, /^3\.\d+\.\d+$/);
	assert.equal(errors[0], undefined);
	assert.match(errors[1] ?? '', /^broken\.py:1:7: /);
	assert.match(errors[2] ?? '', /^match\.py:\d+:\d+: .*only supported in Python 3\.10/);
	assert.equal(errors[3], undefined);
});
