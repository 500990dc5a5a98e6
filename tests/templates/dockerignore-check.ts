/**
 * A `.dockerignore` must keep the local virtualenv out of the build context: `COPY . .` would
 * otherwise copy the developer's `.venv` over the one the build stage made. The last pattern
 * that matches `.venv` decides, as Docker reads them (a later `!.venv` brings it back).
 */
const VENV_PATTERNS = new Set([
	'.venv',
	'.venv/',
	'**/.venv',
	'**/.venv/',
	'/.venv',
	'/.venv/',
	'.venv*',
	'.venv/**',
]);

export function dockerignoreProblems(text: string): string[] {
	const patterns = text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
	const venv = patterns.filter((pattern) => VENV_PATTERNS.has(pattern.replace(/^!/, '')));
	const last = venv.at(-1);
	if (last === undefined) return ['does not list .venv'];
	return last.startsWith('!') ? [`lists .venv, but a later ${last} brings it back`] : [];
}
