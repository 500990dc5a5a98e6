import assert from 'node:assert/strict';
import { it } from 'node:test';
import { shellProblems } from './shell-check.ts';

it('shellProblems passes good commands and reports syntax errors and ShellCheck findings per text', async () => {
	const [good, unclosed, unquoted, posix] = await shellProblems([
		{ label: 'good', text: '# comment\nkubectl rollout status deployment/x\n', dialect: 'bash' },
		{ label: 'unclosed', text: 'if true; then\n  echo "x"\n', dialect: 'bash' },
		{ label: 'unquoted', text: 'rm -rf $DIR/build\n', dialect: 'bash' },
		{ label: 'posix', text: 'echo "$((1 + 1))"\n[[ -f x ]] && echo y\n', dialect: 'sh' },
	]);
	assert.deepEqual(good, []);
	assert.match(unclosed?.[0] ?? '', /^unclosed: bash -n: unclosed: line \d+: syntax error/);
	assert.ok(
		unquoted?.some((problem) => /^unquoted:1:8: SC2086 \(info\)/.test(problem)),
		String(unquoted),
	);
	assert.ok(
		posix?.some((problem) => /SC3010/.test(problem)),
		String(posix),
	);
});
